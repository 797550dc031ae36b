"""REST: the draft's comment-period status (``@draft-status``), also as the
expandable component ``draft-status`` of the draft's own JSON; and the
summary of how comments were taken in, withheld until the period closes."""

from plone import api
from plone.app.textfield.interfaces import IRichText
from plone.restapi.interfaces import IExpandableElement
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.dxfields import RichttextFieldSerializer
from plone.restapi.services import Service
from zope.component import adapter
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import implementer

from dakto.policy.consultation.content import IDraftDocument
from dakto.policy.consultation.period import Period


def _iso(value):
    return value.isoformat() if value else None


def draft_status(item, request):
    """The comment period of ``item`` (the draft, or its catalog brain) today."""
    period = Period(item)
    return {
        "status": period.status,
        "title": translate(period.status_title, context=request),
        "opens": _iso(period.opens),
        "closes": _iso(period.closes),
        "days_left": period.days_left,
        "comments_received": item.comments_received or 0,
    }


def summary_fields(item, request):
    """A draft's computed fields in restapi summaries (``serializers.py``):
    ``draft_status``, what ``@draft-status`` answers."""
    return {"draft_status": draft_status(item, request)}


@implementer(IExpandableElement)
@adapter(IDraftDocument, Interface)
class DraftStatus:
    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self, expand=False):
        result = {"draft-status": {"@id": f"{self.context.absolute_url()}/@draft-status"}}
        if not expand:
            return result
        result["draft-status"].update(draft_status(self.context, self.request))
        return result


class DraftStatusGet(Service):
    def reply(self):
        return DraftStatus(self.context, self.request)(expand=True)["draft-status"]


@implementer(IFieldSerializer)
@adapter(IRichText, IDraftDocument, Interface)
class CommentSummarySerializer(RichttextFieldSerializer):
    """``comment_summary`` is null until the comment period has closed
    (editors, who prepare it, see it all along)."""

    def __call__(self):
        if (
            self.field.__name__ == "comment_summary"
            and not Period(self.context).is_closed
            and not api.user.has_permission("Modify portal content", obj=self.context)
        ):
            return None
        return super().__call__()
