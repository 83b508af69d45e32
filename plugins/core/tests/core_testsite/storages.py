"""A storage like most cloud ones: public addresses, no local files."""

from django.core.files.storage import Storage


class PublicBucketStorage(Storage):
    def url(self, name):
        return f"https://bucket.example/{name}"
