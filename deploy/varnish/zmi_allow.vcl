# Who may reach the ZMI through Varnish (default.vcl refuses it to every
# other client with a 403). Written by deploy/render.py from ZMI_ALLOW
# (DAKTO_ZMI_ALLOW in deploy/cluster.sh).
acl zmi_allow {
    "127.0.0.1";
    "::1";
}
