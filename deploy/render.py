"""Write the configuration files of deploy/ from their templates.

Used by deploy/cluster.sh and by the tests (tests/caching/proxies.py), so that
both write the same files:

    python deploy/render.py haproxy deploy/haproxy/haproxy.cfg.in > haproxy.cfg
        (environment: PORT, STATS, SITE, SERVERS, ZMI_ALLOW)
    python deploy/render.py varnish-zmi > zmi_allow.vcl
        (environment: ZMI_ALLOW)

ZMI_ALLOW (DAKTO_ZMI_ALLOW in cluster.sh) lists the addresses and networks,
separated by spaces or commas, from which the proxies let requests for the
ZMI through (``/manage*``, ``/acl_users``, ``/Control_Panel``, ``manage_*``
at any depth); every other client gets a 403. Default: this machine only.
"""

import ipaddress
import os
import sys


DEFAULT_ZMI_ALLOW = "127.0.0.1 ::1"


class RenderError(ValueError):
    pass


def zmi_addresses(text=None):
    """The networks of ZMI_ALLOW, checked (``ipaddress`` networks)."""
    text = DEFAULT_ZMI_ALLOW if text is None or not text.strip() else text
    networks = []
    for item in text.replace(",", " ").split():
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise RenderError(
                f"ZMI_ALLOW: {item!r} is not an address or network (e.g. 10.0.0.5 or 10.0.0.0/24)"
            ) from None
    return networks


def haproxy_zmi(networks):
    """The patterns of HAProxy's ``acl zmi_allowed src …``."""
    return " ".join(
        str(n.network_address) if n.prefixlen == n.max_prefixlen else str(n) for n in networks
    )


def varnish_zmi(networks):
    """deploy/varnish/zmi_allow.vcl: the acl ``zmi_allow``."""
    lines = []
    for n in networks:
        if n.prefixlen == n.max_prefixlen:
            lines.append(f'    "{n.network_address}";')
        else:
            lines.append(f'    "{n.network_address}"/{n.prefixlen};')
    return (
        "# Who may reach the ZMI through Varnish (default.vcl refuses it to every\n"
        "# other client with a 403). Written by deploy/render.py from ZMI_ALLOW\n"
        "# (DAKTO_ZMI_ALLOW in deploy/cluster.sh).\n"
        "acl zmi_allow {\n" + "\n".join(lines) + "\n}\n"
    )


def haproxy(template, port, stats_port, servers, site="dakto", zmi_allow=None):
    """deploy/haproxy/haproxy.cfg.in with its placeholders filled in."""
    values = {
        "port": port,
        "stats_port": stats_port,
        "site": site,
        "servers": servers.rstrip("\n"),
        "zmi_allow": haproxy_zmi(zmi_addresses(zmi_allow)),
    }
    for key, value in values.items():
        template = template.replace("{{" + key + "}}", str(value))
    return template


def main(argv):
    env = os.environ
    try:
        if argv[:1] == ["haproxy"] and len(argv) == 2:
            with open(argv[1], encoding="utf-8") as stream:
                text = stream.read()
            sys.stdout.write(
                haproxy(
                    text,
                    env["PORT"],
                    env["STATS"],
                    env["SERVERS"],
                    env.get("SITE", "dakto"),
                    env.get("ZMI_ALLOW"),
                )
            )
        elif argv == ["varnish-zmi"]:
            sys.stdout.write(varnish_zmi(zmi_addresses(env.get("ZMI_ALLOW"))))
        else:
            sys.stderr.write(__doc__)
            return 2
    except RenderError as error:
        sys.stderr.write(f"{error}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
