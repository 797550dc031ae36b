"""The province's platform: many commune and ward sites in one deployment.

``kinds``: the 2025 commune-level units (xã, phường, đặc khu);
``provision``: add, list and remove a site; ``merge``: bring a former unit's
archival export into a site; ``command``: the ``dakto`` subcommands;
``views`` and ``services``: the same for the province's administrators at
the Zope root.
"""
