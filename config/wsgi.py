"""WSGI entry point; production settings unless DJANGO_SETTINGS_MODULE says otherwise.

Once the application is loaded, ``gc.freeze()`` moves what startup allocated
(modules, URL patterns, settings: ≈ 170,000 objects) out of the cyclic garbage
collector's reach: a full collection no longer walks them, which otherwise
adds 100 to 200 ms to whichever request triggers it (an intercommunality page
allocates enough to trigger one; ``bench/territory_pages.py``)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()
gc.freeze()
