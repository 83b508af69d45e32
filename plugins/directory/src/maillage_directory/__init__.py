"""maillage-directory: the directory of a regional network's actors."""
