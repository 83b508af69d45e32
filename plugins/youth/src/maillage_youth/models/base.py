"""What the youth pages share."""

#: Query-string parameters of filtered or paged listings: such variants are
#: not indexed by search engines (they repeat the plain listing).
LISTING_PARAMETERS = ("q", "type", "pays", "secteur", "debut", "tri", "page", "age", "duree", "budget", "diplome",
                      "region")
