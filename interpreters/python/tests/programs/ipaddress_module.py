import ipaddress as ip
for s in ['1.2.3', '256.1.1.1', '1.2.3.a', '01.2.3.4', '1.2.3.4.5', '', 'x', '::1::', '1:2:3:4:5:6:7:8:9', 'g::1', '1.2.3.04', '12345::', '1.2.3.-1', ' 1.2.3.4', '1.2.3.4', '::1', '1:2::3:4:5:6:7:8', ':1::2', '1::2:']:
    for f in (ip.ip_address, ip.IPv4Address, ip.IPv6Address):
        try: print(repr(f(s)))
        except Exception as e: print(f.__name__, repr(s), type(e).__name__, e)
for s in ['10.0.0.1/24', '10.0.0.0/33', '10.0.0.0/255.255.0.0', '10.0.0.0/0.0.255.255', '10.0.0.0/255.0.255.0', '10.0.0.0/x', '10.0.0.0/24/1', 'fe80::/10', 'fe80::1/10', '::/129', '192.168.1.0/24']:
    try: print(repr(ip.ip_network(s)))
    except Exception as e: print(repr(s), type(e).__name__, e)
for s in ['10.0.0.0/33', '10.0.0.0/255.0.255.0', '10.0.0.0/x', '10.0.0.0/24/1', '10.0.0.1/24', '10.0.0.0/-1', '10.0.0.0/ 8', '1.2.3/8']:
    try: print(repr(ip.IPv4Network(s)))
    except Exception as e: print(repr(s), type(e).__name__, e)
for bad in [lambda: ip.ip_address(-1), lambda: ip.ip_address(2**129), lambda: ip.IPv4Address(2**32), lambda: ip.ip_address('1.2.3.4') < ip.ip_address('::1'),
            lambda: list(ip.ip_network('10.0.0.0/8').subnets(new_prefix=4)), lambda: ip.ip_network('10.0.0.0/8').supernet(new_prefix=9), lambda: ip.ip_network('10.0.0.0/8')[2**30],
            lambda: list(ip.ip_network('10.0.0.0/8').address_exclude(ip.ip_network('11.0.0.0/8'))), lambda: ip.ip_address('1.2.3.4') + 2**32, lambda: ip.IPv4Address(b"abc"), lambda: ip.IPv4Address("1.2.3.4/8")]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
for a in ['::', '::1', '1::', '1:0:0:1:0:0:0:1', '1:0:0:0:1:0:0:1', '2001:db8::ff00:42:8329', '0:0:1:0:0:0:0:0', '1:2:3:4:5:6:7:0', '::ffff:1.2.3.4', '::1.2.3.4', 'FE80::ABCD', '1:0:2:0:3:0:4:0']:
    x = ip.IPv6Address(a); print(x, x.exploded, repr(x), x.ipv4_mapped, x.is_loopback, x.is_private, x.is_link_local, x.is_global, x.is_multicast, x.is_reserved, x.reverse_pointer)
net = ip.ip_network("192.168.10.0/28")
print(net, net.network_address, net.broadcast_address, net.netmask, net.hostmask, net.prefixlen, net.num_addresses, net.with_netmask, net.with_hostmask, net.with_prefixlen, net.version, net.is_private, net.is_global, net.exploded, net.compressed)
print(list(net.hosts())[:3], len(list(net.hosts())), net[0], net[-1], net[3], ip.ip_address("192.168.10.5") in net, ip.ip_address("192.168.11.5") in net)
print(list(net.subnets()), list(net.subnets(prefixlen_diff=2)), net.supernet(), net.supernet(new_prefix=16), list(ip.ip_network("10.0.0.0/30")))
print(ip.ip_network("10.0.0.0/8").overlaps(ip.ip_network("10.1.0.0/16")), ip.ip_network("10.1.0.0/16").subnet_of(ip.ip_network("10.0.0.0/8")), ip.ip_network("10.0.0.0/8").supernet_of(ip.ip_network("10.1.0.0/16")))
print(list(ip.ip_network("10.0.0.0/24").address_exclude(ip.ip_network("10.0.0.64/26"))))
print(list(ip.collapse_addresses([ip.ip_network("10.0.0.0/25"), ip.ip_network("10.0.0.128/25"), ip.ip_network("10.0.1.0/24")])))
print(list(ip.collapse_addresses([ip.ip_address("1.1.1.%d" % i) for i in range(0, 8)] + [ip.ip_address("1.1.1.9")])))
print(list(ip.summarize_address_range(ip.ip_address("10.0.0.5"), ip.ip_address("10.0.0.20"))))
a = ip.ip_address("10.0.0.255")
print(a + 1, a - 256, int(a), a.packed, a.reverse_pointer, a.is_private, a.is_global, ip.ip_address("8.8.8.8").is_global, ip.ip_address("100.64.1.1").is_global, ip.ip_address("100.64.1.1").is_private, a.version, a.max_prefixlen)
print(ip.ip_address("127.0.0.1").is_loopback, ip.ip_address("224.0.0.1").is_multicast, ip.ip_address("169.254.3.3").is_link_local, ip.ip_address("0.0.0.0").is_unspecified, ip.ip_address("250.1.1.1").is_reserved)
print(format(a, "b"), format(a, "#x"), format(a, "_b"), format(a, "#_X"), format(a, "n"), format(ip.ip_address("::1"), "#_x"))
print(sorted([ip.ip_address("10.0.0.2"), ip.ip_address("9.255.0.1"), ip.ip_address("10.0.0.1")]), ip.ip_address(3232235777), ip.ip_address(b"\x7f\x00\x00\x01"), ip.IPv6Address(1))
print(sorted([ip.ip_network("10.0.0.0/8"), ip.ip_network("10.0.0.0/16"), ip.ip_network("9.0.0.0/8")]), {ip.ip_address("1.1.1.1"): 1}, ip.ip_address("1.1.1.1") == ip.IPv4Address("1.1.1.1"), ip.ip_address("1.1.1.1") == "1.1.1.1")
i = ip.ip_interface("192.168.1.5/24")
print(i, repr(i), i.ip, i.network, i.netmask, i.hostmask, i.with_prefixlen, i.with_netmask, i.with_hostmask, i == ip.ip_interface("192.168.1.5/24"), i.version)
i6 = ip.ip_interface("2001:db8::5/64"); print(i6, i6.network, i6.ip, i6.exploded, repr(i6))
n6 = ip.ip_network("2001:db8::/126"); print(list(n6.hosts()), n6.num_addresses, n6.broadcast_address, n6.exploded, n6.supernet(), list(n6.subnets())[:2])
print(list(ip.ip_network("10.0.0.0/31").hosts()), ip.ip_network("10.0.0.1/32").hosts(), ip.ip_network("10.0.0.0/24", strict=False), ip.ip_network("10.0.0.5/24", strict=False), ip.ip_network(("10.0.0.0", 8)), ip.ip_network(167772160))
print(ip.get_mixed_type_key(ip.ip_address("1.1.1.1")), sorted([ip.ip_address("::1"), ip.ip_address("1.1.1.1")], key=ip.get_mixed_type_key), ip.v4_int_to_packed(1), ip.ip_network("0.0.0.0/0").supernet())
print(ip.IPv6Address("2002:c000:204::1").sixtofour, ip.IPv6Address("2001:0:4136:e378:8000:63bf:3fff:fdd2").teredo, ip.IPv6Address("fec0::1").is_site_local)
