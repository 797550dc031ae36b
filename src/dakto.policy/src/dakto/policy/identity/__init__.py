"""Site identity: who runs the portal (Article 2 of the regulation).

Everything that shows the body's or the town's name reads it from the
registry records of :class:`ISiteIdentity`, so another commune or ward adopts
the portal by changing these settings only.
"""
