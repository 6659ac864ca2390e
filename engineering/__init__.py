"""Engineering-support requests (the "sur-mesure" offer): the public request form
and the routing workflow of the agency's protocol, with its audit trail. An app of
its own because it is a case-handling capability with its own users (préfectures,
agency staff, committee), not catalogue content, search or reference data.

In wings, each importing only its own wing, ``protocol`` and ``models``:
``models/`` (tables), ``protocol/`` (states, actions declared once in a
register, roles, action forms, uploads, emails and their outbox), ``public/``
(form, confirmation, reply, status page) and ``staff/`` (admin views, exports)."""
