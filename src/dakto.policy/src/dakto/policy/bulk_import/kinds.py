"""The importer of each kind, by the name the command and the page use."""


def importer(kind):
    if kind == "legal-documents":
        from dakto.policy.bulk_import.legal_documents import LegalDocuments

        return LegalDocuments()
    if kind == "procedures":
        from dakto.policy.bulk_import.procedures import Procedures

        return Procedures()
    if kind == "news":
        from dakto.policy.bulk_import.news import News

        return News()
    raise KeyError(kind)


KINDS = ("legal-documents", "procedures", "news")
