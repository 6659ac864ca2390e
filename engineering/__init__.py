"""Engineering-support requests (the "sur-mesure" offer): the public request form
and the routing workflow of the agency's protocol, with its audit trail. An app of
its own because it is a case-handling capability with its own users (préfectures,
agency staff, committee), not catalogue content, search or reference data."""
