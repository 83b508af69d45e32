from datetime import timedelta

import pytest
from django.utils import timezone

from maillage_core.testing.tree import publish_child

pytest_plugins = ["maillage_core.testing.fixtures"]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """A file, not memory, for SQLite: the race tests' threads each open
    their own connection, as a server's workers would."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "training.sqlite3")
        options = database.setdefault("OPTIONS", {})
        options.setdefault("transaction_mode", "IMMEDIATE")
        options.setdefault("timeout", 20)


@pytest.fixture
def programme(root_page, vocabulary):
    from maillage_training.models import TrainingIndexPage

    return publish_child(
        root_page, TrainingIndexPage(title="Programme de formation", slug="formations", data_policy="<p>Politique.</p>")
    )


@pytest.fixture
def make_training(programme):
    from maillage_core.models import Sector
    from maillage_training.models import TrainingPage

    def make(title="Monter un projet", publish=True, sectors=(), parent=None, **fields):
        fields.setdefault("summary", f"Résumé de {title}.")
        training = (parent or programme).add_child(instance=TrainingPage(title=title, **fields))
        if sectors:
            training.sectors.set(Sector.objects.filter(slug__in=sectors))
        if publish:
            training.save_revision().publish()
        else:
            training.live = False
            training.save_revision()
            training.save()
        return training

    return make


@pytest.fixture
def make_session():
    from maillage_core.models import Department
    from maillage_training.models import TrainingSession

    def make(training, start=None, hours=3, capacity=10, department="69", **fields):
        start = start or timezone.now() + timedelta(days=10)
        fields.setdefault("city", "Lyon")
        return TrainingSession.objects.create(
            training=training,
            start=start,
            end=start + timedelta(hours=hours),
            capacity=capacity,
            department=Department.objects.filter(code=department).first() if department else None,
            **fields,
        )

    return make


@pytest.fixture
def session(make_training, make_session):
    return make_session(make_training(), capacity=2)
