"""maillage-training: the half-yearly training programme of a Maillage site."""
