"""``@@province`` and ``@province``: the province's overview of its communes.

On the province's own site (any site of the deployment may show it): the
newest news and legal documents of every commune site, a filter by commune,
and the province-wide legal-document lookup (number or words), all read
from the province index at the Zope root (``province.py``), never from the
commune sites themselves. Links point at each commune's own domain
(``hosts.py``). ``GET <site>/@province?kind=news|legal&site=…&number=…
&SearchableText=…&b_size=…`` answers the same as JSON; an unknown commune
or kind answers 400 with the reason.
"""

from plone.restapi.services import Service
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

from dakto.policy import _
from dakto.policy.platform import hosts
from dakto.policy.platform import province


PAGE_SIZE = 10
MAX_SIZE = 100


class ProvinceError(ValueError):
    pass


def _root(context):
    return context.getPhysicalRoot()


def _domains(app):
    return {site: host for host, site in hosts.mapping(app).items()}


def _url(entry, domains, scheme=hosts.SCHEME):
    host = domains.get(entry["site"])
    if host:
        return f"{scheme}://{host}/{entry['path']}"
    return f"/{entry['site']}/{entry['path']}"


def _int(value, default, low, high, name):
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ProvinceError(
            _("'${name}' must be a whole number.", mapping={"name": name})
        ) from None
    return max(low, min(high, number))


def query(context, form):
    """The results for a request's form: a dict of lists, as the page and the
    service show them. Bad values raise ProvinceError."""
    app = _root(context)
    index = province.get_index(app, create=False) or province.ProvinceIndex()
    sites = index.sites()
    site = (form.get("site") or "").strip()
    if site and site not in sites:
        raise ProvinceError(
            _("There is no commune '${site}' in the province's index.", mapping={"site": site})
        )
    kind = (form.get("kind") or "").strip()
    if kind and kind not in province.KINDS:
        raise ProvinceError(_("'kind' is news or legal, not '${kind}'.", mapping={"kind": kind}))
    size = _int(form.get("b_size"), PAGE_SIZE, 1, MAX_SIZE, "b_size")
    number = (form.get("number") or "").strip()
    text = (form.get("SearchableText") or "").strip()
    domains = _domains(app)

    def rows(entries):
        return [dict(entry, url=_url(entry, domains)) for entry in entries]

    result = {
        "site": site,
        "sites": sorted(sites.items(), key=lambda item: item[1]),
        "searched": bool(number or text),
        "number": number,
        "text": text,
    }
    for name in province.KINDS:
        if not kind or kind == name:
            result[name] = rows(index.newest(name, site=site or None, limit=size))
            result[f"{name}_total"] = index.total(name, site=site or None)
    if number or text:
        result["lookup"] = rows(
            index.lookup(text=text, number=number, site=site or None, limit=MAX_SIZE)
        )
    return result


class ProvinceView(BrowserView):
    template = ViewPageTemplateFile("templates/province.pt")

    def __call__(self):
        self.error = None
        try:
            self.data = query(self.context, self.request.form)
        except ProvinceError as error:
            self.request.response.setStatus(400)
            self.error = translate(error.args[0], context=self.request)
            self.data = query(self.context, {})
        return self.template()

    def page_title(self):
        return translate(_("News and documents of the province's communes"), context=self.request)

    def selected(self, site_id):
        return site_id == self.data["site"]

    def date(self, entry):
        value = entry.get("date", "")[:10]
        if len(value) == 10:
            return f"{value[8:10]}/{value[5:7]}/{value[:4]}"
        return value


def _public(entry):
    keys = ("site", "site_title", "kind", "uid", "title", "description", "date", "url")
    row = {key: entry.get(key) for key in keys}
    if entry.get("kind") == province.LEGAL:
        row.update(number=entry.get("number"), issuer=entry.get("issuer"))
    return row


class ProvinceGet(Service):
    def reply(self):
        try:
            data = query(self.context, self.request.form)
        except ProvinceError as error:
            self.request.response.setStatus(400)
            return {
                "error": {
                    "type": "BadRequest",
                    "message": translate(error.args[0], context=self.request),
                }
            }
        reply = {
            "@id": f"{self.context.absolute_url()}/@province",
            "site": data["site"] or None,
            "sites": [{"id": id_, "title": title} for id_, title in data["sites"]],
        }
        for name in province.KINDS:
            if name in data:
                reply[name] = {
                    "items": [_public(entry) for entry in data[name]],
                    "items_total": data[f"{name}_total"],
                }
        if "lookup" in data:
            reply["lookup"] = {"items": [_public(entry) for entry in data["lookup"]]}
        return reply
