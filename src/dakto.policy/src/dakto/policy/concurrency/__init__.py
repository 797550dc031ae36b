"""Objects every write touches, made so that parallel writes do not conflict.

Zope retries a request that meets a ``ConflictError`` (three times, with a
random pause), and the retry succeeds unless every attempt meets a new
conflict on the same object. Found by ``bench/concurrent_writes.py`` (8
clients posting feedback and creating Documents over REST):

- ``history_ids``: CMFEditions gives every new versioned item (the initial
  version of each Document, News Item…) a history id from CMFUid's
  ``portal_uidgenerator``, a counter in one persistent object: two items
  created at the same time always conflicted. Ids are now drawn at random
  (keys that spread, as ZopeVersionControl's own history ids), and nothing
  shared is written.
- ``turns``: the rest (catalog trees whose buckets split, a folder's
  modification date and order list, a word's posting list) cannot merge
  parallel changes; the writes of one process take turns (a WSGI filter),
  so they never conflict with each other; between the processes of a
  RelStorage cluster Zope's retries settle the rarer conflicts.
"""
