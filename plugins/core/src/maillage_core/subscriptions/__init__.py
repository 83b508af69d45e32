"""Subscriptions by email, without an account: a visitor subscribes to
topics that plugins offer (La Lettre, new offers, new trainings…), confirms
by a signed link, manages them from a signed preferences link and leaves in
one click. Issues are sent to a topic's subscribers in the background, and
the other topics in a daily or weekly digest of their new items.

Modules: ``topics`` (the hook's contract), ``models``, ``tokens``,
``subscribing`` (what the public pages do), ``forms``, ``views``, ``urls``,
``emails`` (every bulk email goes through ``bulk_message``), ``sending``
(a page sent to a topic), ``tasks`` (the background work), ``digests``,
``admin_views`` and ``viewsets``.
"""
