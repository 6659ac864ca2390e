"""Hashed, pre-compressed static files that never turn a page into a 500.

WhiteNoise's storage writes ``name.<hash>.css`` plus ``.gz`` and ``.br`` copies at
``collectstatic``. Django's manifest storage raises when a file is not in the manifest
(``collectstatic`` not run yet, or a file added since): every page using it would answer
500. Here such a file keeps its plain name (logged at debug level: WhiteNoise also asks
for names the manifest never had) and the page still renders.
"""

import logging

from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)


class ForgivingCompressedManifestStorage(CompressedManifestStaticFilesStorage):
    manifest_strict = False

    def stored_name(self, name):
        try:
            return super().stored_name(name)
        except ValueError:
            logger.debug("Fichier statique absent du manifeste (collectstatic ?) : %s", name)
            return name
