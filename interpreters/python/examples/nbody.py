# A small n-body simulation: float arithmetic in hot loops (the JIT compiles them).
import_free = True

def energy(bodies):
    e = 0.0
    for i in range(len(bodies)):
        x1, y1, z1, vx, vy, vz, m1 = bodies[i]
        e += 0.5 * m1 * (vx * vx + vy * vy + vz * vz)
        for j in range(i + 1, len(bodies)):
            x2, y2, z2, _, _, _, m2 = bodies[j]
            dx, dy, dz = x1 - x2, y1 - y2, z1 - z2
            e -= m1 * m2 / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e

def advance(bodies, dt, steps):
    n = len(bodies)
    for _ in range(steps):
        for i in range(n):
            b1 = bodies[i]
            for j in range(i + 1, n):
                b2 = bodies[j]
                dx, dy, dz = b1[0] - b2[0], b1[1] - b2[1], b1[2] - b2[2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * d2 ** 0.5)
                m1, m2 = b1[6] * mag, b2[6] * mag
                b1[3] -= dx * m2; b1[4] -= dy * m2; b1[5] -= dz * m2
                b2[3] += dx * m1; b2[4] += dy * m1; b2[5] += dz * m1
        for b in bodies:
            b[0] += dt * b[3]; b[1] += dt * b[4]; b[2] += dt * b[5]

bodies = [
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 39.47],
    [4.84, -1.16, -0.10, 0.606, 2.81, -0.02, 0.037],
    [8.34, 4.12, -0.40, -1.01, 1.82, 0.008, 0.011],
    [12.89, -15.11, -0.22, 1.08, 0.868, -0.01, 0.0017],
    [15.37, -25.91, 0.17, 0.979, 0.594, -0.034, 0.002],
]
print("%.9f" % energy(bodies))
advance(bodies, 0.01, 20000)
print("%.9f" % energy(bodies))
