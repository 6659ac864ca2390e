"""The public wing: the request form, confirmation, the requester's reply and status page."""
