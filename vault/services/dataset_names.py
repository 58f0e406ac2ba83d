"""Address a dataset by its `ds_` id or by its name within the caller's tenant."""

from __future__ import annotations

from vault.domain.ids import is_dataset_id
from vault.errors import Conflict, NotFound
from vault.ports import DatasetCatalog

__all__ = ["resolve_dataset_ref"]

# Ids named in an ambiguity error, at most; the rest are counted.
_NAMED_IDS = 5


def resolve_dataset_ref(catalog: DatasetCatalog, tenant: str, ref: str) -> str:
    """The id of the dataset `ref` names in `tenant`: `ref` itself when it has the grammar of a
    dataset id (whether it exists is for the caller's own lookup to say), else the one dataset
    of the tenant with that name (compared after trimming, as names are stored).

    Raises NotFound when no dataset of the tenant has the name (another tenant's never counts),
    and Conflict `ambiguous_dataset_name`, naming the candidates' ids, when several do. The
    name itself is never repeated: it is the caller's text and may hold personal data.
    """
    if is_dataset_id(ref):
        return ref
    name = ref.strip()
    matches = [d.id for d in catalog.list_datasets(tenant) if name and d.name == name]
    if not matches:
        raise NotFound("dataset not found")
    if len(matches) > 1:
        named = ", ".join(sorted(matches)[:_NAMED_IDS])
        if len(matches) > _NAMED_IDS:
            named += f" and {len(matches) - _NAMED_IDS} more"
        raise Conflict(
            f"{len(matches)} datasets have that name ({named}); address one by its id",
            code="ambiguous_dataset_name",
            param="dataset_id",
        )
    return matches[0]
