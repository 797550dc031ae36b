"""The intake register (Quy chế, Article 8.1): one ``IntakeRecord`` for each
article that reaches the editorial board, in the ``IntakeRegister`` folder.

Articles arrive on paper (with a soft copy), by Zalo or by e-mail; the soft
copy is required whatever the channel. The approval deadline is computed
(``deadlines.approval_deadline``), never typed.
"""

from plone.app.vocabularies.catalog import CatalogSource
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import provider
from zope.schema.interfaces import IContextAwareDefaultFactory
from zope.schema.interfaces import IVocabularyFactory

from dakto.policy import _
from dakto.policy.vocabularies import vocabulary
from dakto.policy.workflow.names import EDITORIAL_TYPES


INTAKE_RECORD = "IntakeRecord"
INTAKE_REGISTER = "IntakeRegister"
REGISTER_ID = "so-tiep-nhan"

PAPER = "paper"
ZALO = "zalo"
EMAIL = "email"
CHANNELS = (
    (PAPER, _("On paper (with a soft copy)")),
    (ZALO, _("Zalo")),
    (EMAIL, _("E-mail")),
)
CHANNEL_TITLES = dict(CHANNELS)


@provider(IVocabularyFactory)
def intake_channels(context=None):
    return vocabulary(CHANNELS)


@provider(IContextAwareDefaultFactory)
def now(context=None):
    from datetime import datetime

    import pytz

    from dakto.policy.dates import TIMEZONE

    return datetime.now(pytz.timezone(TIMEZONE)).replace(second=0, microsecond=0, tzinfo=None)


class IIntakeRecord(model.Schema):
    """Sổ tiếp nhận tin, bài."""

    channel = schema.Choice(
        title=_("Channel"),
        description=_("How the article reached the editorial board."),
        vocabulary="dakto.policy.intake_channels",
        required=True,
    )
    received = schema.Datetime(
        title=_("Date received"),
        description=_(
            "The date of the incoming letter, or of receipt by Zalo or e-mail; "
            "the approval deadline counts from it."
        ),
        required=True,
        defaultFactory=now,
    )
    sender_name = schema.TextLine(
        title=_("Sender"),
        description=_("The author or the person who sent the article."),
        required=True,
        max_length=200,
    )
    sender_unit = schema.TextLine(
        title=_("Sender's unit"),
        description=_("e.g. 'Tổ dân phố 3', 'Trường Tiểu học Kim Đồng'."),
        required=False,
        max_length=200,
    )
    soft_copy = NamedBlobFile(
        title=_("Soft copy"),
        description=_("The article as a file (required, also for articles received on paper)."),
        required=True,
    )
    article = RelationChoice(
        title=_("Article"),
        description=_("The article that this submission became, once it is in the portal."),
        source=CatalogSource(portal_type=list(EDITORIAL_TYPES)),
        required=False,
    )
    directives.widget(
        "article",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": list(EDITORIAL_TYPES), "recentlyUsed": True},
    )
    notes = schema.Text(title=_("Notes"), required=False)


class IIntakeRegister(model.Schema):
    """The folder of the intake register."""
