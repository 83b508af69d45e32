"""Small helpers shared by the plugin's tests."""

from datetime import datetime


def paris(*args):
    from maillage_training import conf

    return datetime(*args, tzinfo=conf.time_zone())


def register_data(**overrides):
    data = {
        "name": "Camille Martin",
        "email": "camille@example.org",
        "organisation": "Terres Solidaires",
        "role": "Bénévole",
        "accessibility_needs": "",
        "consent": "on",
    }
    data.update(overrides)
    return data


def person(number):
    return {"name": f"Personne {number}", "email": f"personne{number}@example.org"}
