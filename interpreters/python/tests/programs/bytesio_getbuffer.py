# BytesIO.getbuffer is a memoryview of the buffer: writes through it show in getvalue().
import io

b = io.BytesIO(b"hello world")
view = b.getbuffer()
print(type(view).__name__, view.nbytes, len(view), bytes(view[:5]))
view[0] = ord("J")
print(b.getvalue())
del view
b.seek(0, 2)
b.write(b"!")
print(b.getvalue(), b.tell())
