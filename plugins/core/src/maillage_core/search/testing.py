"""The real engine for tests, reached through the default backend."""

import json


class Engine:
    """The real engine behind the default backend, emptied before each test.

    ``client`` is the engine's own client, for tests that look at what the
    engine holds (settings, documents, analysis)."""

    def __init__(self, backend):
        self.backend = backend
        self.pattern = backend.index_prefix + "*"

    @property
    def client(self):
        return self.backend.admin_es

    def refresh(self):
        self.client.indices.refresh(index=self.pattern)

    def clear(self):
        # The assembled engine has no reindex module, hence no
        # _delete_by_query: delete what a match_all search finds instead.
        while True:
            found = self.client.search(
                index=self.pattern, body={"query": {"match_all": {}}, "size": 5000, "_source": False}
            )["hits"]["hits"]
            if not found:
                return
            actions = "".join(
                json.dumps({"delete": {"_index": hit["_index"], "_id": hit["_id"]}}) + "\n" for hit in found
            )
            self.client.bulk(body=actions, refresh=True)

    def build_schema(self):
        from modelsearch.index import get_indexed_models

        # Whatever this process made before (a rebuild's aliases and their
        # indexes) goes first: resetting an index whose name is an alias fails.
        self.drop()
        indexes = {}
        for model in get_indexed_models():
            index = self.backend.get_index_for_model(model)
            indexes.setdefault(index.name, (index, []))[1].append(model)
        for index, models in indexes.values():
            index.reset()
            for model in models:
                index.add_model(model)

    def drop(self):
        self.client.indices.delete(index=self.pattern, ignore_unavailable=True)

    def index_all(self):
        """Index everything in the database, as ``update_index`` would."""
        from modelsearch.index import get_indexed_models

        for model in get_indexed_models():
            objects = list(model.get_indexed_objects())
            if objects:
                self.backend.get_index_for_model(model).add_items(model, objects)
        self.refresh()
