"""Which programmes and pactes for my commune: evaluation, the commune page,
and the commune lists editors import (zonings, current beneficiaries)."""
