"""The homepage of a government portal (issue 16) and the site-wide urgent
notice (issue 17.7).

- ``view.py``: the ``homepage`` view of the site root (its layout): the
  sections of the ``dakto.homepage`` viewlet manager — featured news with
  their lead images, the sections' latest items, the services citizens use
  most, the leaders' schedule of this week (Viet Nam time), the national and
  provincial portals — full width, no portlets, no page tools;
- ``notice.py``: the urgent notice (floods, outages) an editor sets with a
  start and an end (control panel ``@@dakto-urgent-notice``, REST
  ``@urgent-notice``), shown on every page while it runs;
- ``services.py``: ``@work-schedule``, the week's schedule over REST;
- ``setup.py``: the root's layout at install; ``demo.py``: lead images for
  the demo's newest news and an expired sample notice.
"""
