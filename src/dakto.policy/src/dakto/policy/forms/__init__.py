"""Forms editors build with collective.easyform (Article 4.1, issue 5 item 5):
the honeypot, rate and size limits and the personal-data consent on every
EasyForm, and the contact form and the survey that ship with the site."""
