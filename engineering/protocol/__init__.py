"""The protocol: states, actions declared once, roles, action forms, uploads, emails."""
