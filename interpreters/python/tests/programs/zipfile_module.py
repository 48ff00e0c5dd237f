# zipfile: archives written to memory and to files (stored and deflated members, ZipInfo
# times, non-ASCII names, streamed writes, appends), read back, listed, extracted; the
# archive bytes equal CPython's for these small members; stat.filemode of bare permissions.
import zipfile, io, os, tempfile
b = io.BytesIO()
with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
    zi = zipfile.ZipInfo("a.txt", date_time=(2024, 1, 2, 3, 4, 6))
    z.writestr(zi, "hello hello")
    z.writestr(zipfile.ZipInfo("d/", date_time=(2024, 1, 2, 3, 4, 6)), "")
    zi2 = zipfile.ZipInfo("s.bin", date_time=(2024, 1, 2, 3, 4, 6)); zi2.compress_type = zipfile.ZIP_STORED
    z.writestr(zi2, b"raw")
    zi3 = zipfile.ZipInfo("deflated.txt", date_time=(2023, 12, 31, 23, 59, 58)); zi3.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(zi3, "abcabcabcabc abcabc")
    z.writestr(zipfile.ZipInfo("ünï.txt", date_time=(2024, 1, 2, 3, 4, 6)), "x")
print(b.getvalue().hex())
z = zipfile.ZipFile(b)
print(z.namelist(), z.infolist(), z.read("a.txt"), z.read("deflated.txt"), z.open("s.bin").read(), z.testzip())
z.printdir()
print([(i.filename, i.file_size, i.compress_size, i.CRC, i.date_time, i.is_dir(), i.compress_type) for i in z.infolist()])
try:
    z.getinfo("x")
except KeyError as e:
    print(e)
print(zipfile.is_zipfile(b), zipfile.is_zipfile(io.BytesIO(b"xx")), repr(z).split(" file=")[0])
try:
    zipfile.ZipFile(io.BytesIO(b"not a zip"))
except zipfile.BadZipFile as e:
    print(e)
with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, "f.txt")
    with open(src, "w") as f: f.write("file content\n" * 20)
    zp = os.path.join(d, "arch.zip")
    with zipfile.ZipFile(zp, "w", compression=zipfile.ZIP_DEFLATED) as z2:
        z2.write(src, arcname="inner/f.txt")
        z2.writestr("note.txt", "a note")
        with z2.open("streamed.txt", "w") as w:
            w.write(b"streamed data")
    with zipfile.ZipFile(zp) as z3:
        print(z3.namelist(), z3.read("inner/f.txt")[:12], z3.read("streamed.txt"), z3.getinfo("note.txt").compress_type)
        z3.extractall(os.path.join(d, "out"))
    print(sorted(os.listdir(os.path.join(d, "out"))), open(os.path.join(d, "out", "inner", "f.txt")).read()[:12])
    with zipfile.ZipFile(zp, "a") as z4:
        z4.writestr("added.txt", "more")
    print(zipfile.ZipFile(zp).namelist())
import stat; print([stat.filemode(m) for m in (0o600, 0o100644, 0o40755, 0o120777, 0o104755, 0o41777, 0o10644, 0)])
