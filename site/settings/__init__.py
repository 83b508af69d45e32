"""Settings modules: ``dev`` (default for manage.py), ``test`` and ``production``.

Every value a deployment changes comes from an environment variable, with a
safe development default in ``base``; ``production`` refuses to start with a
development secret key.
"""
