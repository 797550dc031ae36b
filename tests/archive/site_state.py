"""Run with the venv's python and the instance's DAKTO_* environment.

    site_state.py prepare OUT.json   create the site with the demo content, take
                                     two items out of publication, dump everything
    site_state.py dump OUT.json      dump every item of the site

The dump maps each item's path (in the site) to its type, review state, UID
and the value of every schema field (files as sha256 + file name).
"""

import hashlib
import json
import re
import sys


def value(raw):
    from plone.app.textfield.value import RichTextValue
    from plone.namedfile.interfaces import INamedFile
    from z3c.relationfield.interfaces import IRelationValue

    if isinstance(raw, RichTextValue):
        return raw.raw
    if INamedFile.providedBy(raw):
        return {"sha256": hashlib.sha256(raw.data).hexdigest(), "filename": raw.filename}
    if IRelationValue.providedBy(raw):
        return raw.to_path
    if isinstance(raw, (list, tuple, set, frozenset)):
        return [value(item) for item in raw]
    if isinstance(raw, dict):
        return {str(k): value(v) for k, v in raw.items()}
    if raw is None or isinstance(raw, (str, int, float, bool)):
        return raw
    if hasattr(raw, "isoformat"):
        return raw.isoformat()
    return str(raw)


def dump(site):
    from AccessControl.PermissionRole import rolesForPermissionOn
    from plone import api
    from plone.dexterity.utils import iterSchemata

    catalog = site.portal_catalog
    prefix = "/".join(site.getPhysicalPath()) + "/"
    items = {}
    for brain in catalog.unrestrictedSearchResults(path=prefix[:-1]):
        obj = brain._unrestrictedGetObject()
        path = brain.getPath()[len(prefix) :]
        if not path:
            continue
        fields = {}
        for schema in iterSchemata(obj):
            for name in schema.names():
                field = schema[name]
                if not hasattr(field, "bind"):
                    continue
                try:
                    raw = field.bind(obj).get(schema(obj))
                except Exception:
                    continue
                # A type's own model schema is named after its site: keep the type only.
                identifier = re.sub(
                    r"^plone\.dexterity\.schema\.generated\..*_(\w+)$",
                    r"generated.\1",
                    schema.__identifier__,
                )
                fields[f"{identifier}.{name}"] = value(raw)
        items[path] = {
            "type": obj.portal_type,
            "review_state": api.content.get_state(obj, default=None),
            "catalog_review_state": brain.review_state or None,
            "UID": obj.UID(),
            "anonymous_view": "Anonymous" in rolesForPermissionOn("View", obj),
            "fields": fields,
        }
    return items


def main(mode, out):
    import transaction
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.users import system
    from plone import api
    from zope.component.hooks import setSite

    from dakto.instance import config
    from dakto.instance import settings as settings_module
    from dakto.instance.site import ensure_site
    from dakto.instance.site import open_app
    from dakto.policy.workflow.names import DRAFT

    settings = settings_module.load()
    config.write(settings)
    app = open_app(settings)
    newSecurityManager(None, system)
    try:
        if mode == "prepare":
            ensure_site(app, demo=True)
            transaction.commit()
        site = app["dakto"]
        setSite(site)
        if mode == "prepare":
            catalog = site.portal_catalog
            # A published legal document taken out of publication, and a new
            # page never published: neither may leave the site.
            brain = catalog.unrestrictedSearchResults(
                portal_type="LegalDocument", review_state="published", sort_on="getId"
            )[0]
            obj = brain._unrestrictedGetObject()
            for state in (DRAFT, "private"):  # the editorial workflow's, Plone's
                try:
                    api.content.transition(obj=obj, to_state=state)
                    break
                except api.exc.InvalidParameterError:
                    continue
            assert api.content.get_state(obj) != "published"
            api.content.create(
                container=site["gioi-thieu"],
                type="Document",
                id="ban-nhap-noi-bo",
                title="Bản nháp nội bộ",
            )
            transaction.commit()
        with open(out, "w", encoding="utf-8") as handle:
            json.dump(dump(site), handle, ensure_ascii=False, indent=1, sort_keys=True)
    finally:
        transaction.abort()
        app._p_jar.db().close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
