"""The site shell: home page, standard editorial pages (legal notices,
accessibility statement), navigation, site settings and error pages."""
