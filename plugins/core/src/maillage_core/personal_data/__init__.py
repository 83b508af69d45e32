"""A person's data across plugins, on their request: exported (JSON and
CSV in a zip) or erased (with a report), from one admin screen or
``manage.py personal_data export|erase EMAIL``; and retention purges by
``manage.py purge_personal_data``, once a day.

Each plugin says what it holds through the ``maillage_personal_data`` hook
(``maillage_core.hooks``): a ``Kind`` per sort of record, which exports
and erases what it holds for an email address and may purge what is past
its retention time. ``coverage`` names every stored email field that no
kind covers, so a new model cannot slip past a person's request.

Modules: ``kinds`` (the hook's contract and the registry), ``archive``
(the zip), ``core_kinds`` (subscriptions and accounts), ``admin_views``.
"""
