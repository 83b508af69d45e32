"""URLconfs serving MEDIA_URL in development, for the documents check's tests."""
