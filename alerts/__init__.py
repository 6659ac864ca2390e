"""E-mail alerts for a territory or a page: what changed on the site for it.

A capability of its own, hence an app: it reads the finder's answers (which
programmes concern a commune, an intercommunality, a département) and the
content apps' publications, which no existing app may do without climbing
floors (the finder does not send mail, engineering is about requests), and it
keeps personal data (an address and its consent) under its own rules.
"""
