"""maillage-youth: the Espace Jeunes of a regional network."""
