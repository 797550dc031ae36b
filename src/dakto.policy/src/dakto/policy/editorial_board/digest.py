"""The daily digest of late items (``dakto digest``, run by cron).

One message to each member of the reviewers', publishers' and
administrators' groups listing: intake entries past their approval deadline,
items waiting for review or for publication past their deadline, legal
documents not online in time. Nothing late, nothing sent.

The morning after a working day on which nothing was published (Article 8.1
"cập nhật thông tin hàng ngày", see ``daily.py``), the digest says so and
also goes to the head of the board (``HEAD_OF_BOARD_GROUP``), even when
nothing else is late.
"""

from plone import api

from dakto.policy.commands import Command
from dakto.policy.commands import t
from dakto.policy.dates import local_date
from dakto.policy.dates import local_datetime
from dakto.policy.editorial_board import board
from dakto.policy.editorial_board import daily
from dakto.policy.editorial_board import deadlines
from dakto.policy.editorial_board.notifications import group_addresses
from dakto.policy.editorial_board.notifications import send
from dakto.policy.workflow.names import ADMINISTRATORS_GROUP
from dakto.policy.workflow.names import HEAD_OF_BOARD_GROUP
from dakto.policy.workflow.names import PENDING_REVIEW
from dakto.policy.workflow.names import PUBLISHERS_GROUP
from dakto.policy.workflow.names import REVIEWED
from dakto.policy.workflow.names import REVIEWERS_GROUP


RECIPIENT_GROUPS = (REVIEWERS_GROUP, PUBLISHERS_GROUP, ADMINISTRATORS_GROUP)


def late_items(today=None, rules=None):
    """``{section: [lines]}`` of everything late on ``today``."""
    rules = rules or board.Rules.current()
    today = today or deadlines.today()
    sections = {}
    intake = board.intake_entries(status=board.LATE, rules=rules, today=today)
    sections["Tin, bài tiếp nhận quá hạn phê duyệt"] = [
        f"{entry['record'].Title()} — {entry['record'].sender_name}, nhận "
        f"{local_datetime(entry['record'].received)}, hạn {local_date(entry['deadline'])}, "
        f"trễ {entry['days_late']} ngày — {entry['record'].absolute_url()}"
        for entry in intake
    ]
    for state, heading in (
        (PENDING_REVIEW, "Bài chờ kiểm duyệt quá hạn"),
        (REVIEWED, "Bài đã duyệt chờ xuất bản quá hạn"),
    ):
        sections[heading] = [
            f"{entry['object'].Title()} — gửi {local_datetime(entry['submitted'])}, "
            f"hạn {local_date(entry['deadline'])}, trễ {entry['days_late']} ngày — "
            f"{entry['object'].absolute_url()}"
            for entry in board.review_queue(state, rules, today)
            if entry["late"]
        ]
    late, _soon, _published_late = board.legal_documents(rules, today)
    sections[
        f"Văn bản chưa đăng quá hạn {rules.legal_days} ngày làm việc (NĐ 43/2011, Điều 17)"
    ] = [
        f"{entry['object'].document_number} {entry['object'].Title()} — ban hành "
        f"{local_date(entry['object'].issue_date)}, hạn {local_date(entry['deadline'])}, "
        f"trễ {entry['days_late']} ngày — {entry['object'].absolute_url()}"
        for entry in late
    ]
    return {heading: lines for heading, lines in sections.items() if lines}


def missed_day_text(day):
    return (
        f"Ngày làm việc {local_date(day)} không có tin, bài nào được xuất bản "
        f"(Quy chế, Điều 8.1: cập nhật thông tin hàng ngày; TT 26/2009: ít nhất "
        f"một lần mỗi ngày làm việc)."
    )


def digest_body(sections, today, missed=None):
    parts = ["Kính gửi Ban Biên tập,"]
    if missed is not None:
        parts.append(f"\n{missed_day_text(missed)}")
    if sections:
        parts.append(f"\nCác việc quá hạn tính đến ngày {local_date(today)}:")
    for heading, lines in sections.items():
        parts.append(f"\n{heading} ({len(lines)}):")
        parts.extend(f"  - {line}" for line in lines)
    portal = api.portal.get()
    parts.append(f"\nBảng điều khiển Ban Biên tập: {portal.absolute_url()}/@@editorial-dashboard")
    return "\n".join(parts) + "\n"


def send_digest(today=None):
    """Send the digest; returns ``(number of late items, number of messages)``.
    The caller commits the transaction (the mail leaves then)."""
    today = today or deadlines.today()
    sections = late_items(today)
    count = sum(len(lines) for lines in sections.values())
    missed = daily.missed_yesterday(today)
    if not count and missed is None:
        return 0, 0
    groups = RECIPIENT_GROUPS + ((HEAD_OF_BOARD_GROUP,) if missed is not None else ())
    recipients = []
    for group in groups:
        for address in group_addresses(group):
            if address not in recipients:
                recipients.append(address)
    if count:
        subject = f"[Ban Biên tập] {count} việc quá hạn — {local_date(today)}"
    else:
        subject = f"[Ban Biên tập] Không có tin, bài xuất bản ngày {local_date(missed)}"
    sent = send(recipients, subject, digest_body(sections, today, missed))
    return count, sent


class Digest(Command):
    """``dakto digest``: open the configured storage, send, commit.

    With the default FileStorage the server must be stopped (one process at a
    time); with RelStorage it runs next to the servers (see the README).
    """

    help = "e-mail the editorial board the daily digest of late items (for cron; see deploy/cron/dakto-digest)"

    def run(self, context, args):
        from dakto.policy.product_config import apply_mail_settings

        with context.site_transaction() as portal:
            apply_mail_settings(portal)  # the instance's current mail settings
            count, sent = send_digest()
        context.say(
            t("Late items: ${count}; digest messages sent: ${sent}.", count=count, sent=sent)
        )
