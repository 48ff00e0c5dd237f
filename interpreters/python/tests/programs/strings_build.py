s = ""
for i in range(20000):
    s += str(i % 10)
b = b""
for i in range(20000):
    b += bytes([i % 256])
ba = bytearray()
for i in range(20000):
    ba += b"xy"
    ba.append(i % 256)
print(len(s), s[:20], s[-5:], len(b), b[:5], len(ba), ba[-3:])
