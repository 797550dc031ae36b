"""The ``dakto`` command: configure, create and serve the Zope instance.

The templates of the instance's configuration live in the repository's
``instance/templates``; the generated files and the data go to ``DAKTO_VAR``.
"""
