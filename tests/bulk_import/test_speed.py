"""What makes the bulk import fast without changing what it writes
(``engine.known_fields``, docs/bulk-import.md "Speed")."""

from plone import api
from plone.dexterity import content

from dakto.policy.bulk_import import engine
from tests.bulk_import.helpers import LEGAL_HEADER
from tests.bulk_import.helpers import csv_bytes
from tests.bulk_import.helpers import files_folder
from tests.bulk_import.helpers import legal_row
from tests.bulk_import.helpers import run


def test_known_fields_answers_items_without_the_schema_search(manager, tmp_path, monkeypatch):
    result = run(
        manager,
        "legal-documents",
        csv_bytes(LEGAL_HEADER, [legal_row()]),
        files_folder(tmp_path, "12.pdf"),
    )
    document = manager.unrestrictedTraverse(result.items[0]).aq_base
    searched = []
    original = content._default_from_schema

    def counting(context, schema, name):
        searched.append(name)
        return original(context, schema, name)

    monkeypatch.setattr(content, "_default_from_schema", counting)
    outside = (document.exclude_from_nav, document.other_file)
    item_method = content.Item.__dict__["__getattr__"]
    with engine.known_fields():
        # a field that is not set: Dexterity's default, as without the fast path
        assert (document.exclude_from_nav, document.other_file) == outside
        searched.clear()
        # a name that is no field (the catalog asks ~90 of them): no search at all
        assert not hasattr(document, "news_source")
        assert not hasattr(document, "getRemoteUrl")
        assert searched == []
    assert content.Item.__dict__["__getattr__"] is item_method
    assert not hasattr(document, "news_source")
    assert "news_source" in searched  # Dexterity searches again once the import is done


def test_an_imported_document_is_catalogued_as_a_plain_reindex_catalogues_it(manager, tmp_path):
    """The fast paths change nothing in the catalog: every index and metadata
    value of an imported document is what cataloguing it again without them
    gives."""
    catalog = api.portal.get_tool("portal_catalog")
    sheet = csv_bytes(LEGAL_HEADER, [legal_row(), legal_row("13/QĐ-UBND", file="13.pdf")])
    result = run(manager, "legal-documents", sheet, files_folder(tmp_path, "12.pdf", "13.pdf"))
    for path in result.items:
        rid = catalog.getrid(path)
        imported = (catalog.getMetadataForRID(rid), catalog.getIndexDataForRID(rid))
        assert imported[1]["legal_number"] and imported[0]["review_state"] == "published"
        catalog.catalog_object(manager.unrestrictedTraverse(path), path)
        assert (catalog.getMetadataForRID(rid), catalog.getIndexDataForRID(rid)) == imported


def test_imports_that_overlap_share_the_fast_paths_and_put_everything_back():
    """Two imports of one process (two communes' administrators) that end in
    either order: the methods are Plone's own again once both have ended."""
    from plone.dexterity import schema
    from plone.indexer.wrapper import IndexableObjectWrapper

    def current():
        return (
            content.Item.__dict__["__getattr__"],
            content.DexterityContent.__dict__["__getattr__"],
            schema.lookup_fti,
            IndexableObjectWrapper.__dict__["__getattr__"],
        )

    plone_own = current()
    first = [engine.known_fields(), engine.known_ftis(), engine.values_once()]
    second = [engine.known_fields(), engine.known_ftis(), engine.values_once()]
    for context in first:
        context.__enter__()
    patched = current()
    assert all(a is not b for a, b in zip(patched, plone_own, strict=True))
    for context in second:
        context.__enter__()
    assert current() == patched  # one patch, shared
    for context in first:  # the first import ends before the second
        context.__exit__(None, None, None)
    assert current() == patched  # the second still writes with it
    for context in second:
        context.__exit__(None, None, None)
    assert current() == plone_own
