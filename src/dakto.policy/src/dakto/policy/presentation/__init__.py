"""What every public page carries (issue 6): Dublin Core and Open Graph
metadata, posting dates, print/save/share actions, the footer with the
body's identity and related agencies, RSS feeds, sitemap.xml, the scheduled
maintenance notice, the homepage blocks and the themed error pages."""
