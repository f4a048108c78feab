/* N-body: five bodies under gravity, symplectic Euler steps; the energy
   before and after is the result. Doubles, sqrt, division. */
#include <math.h>

#include "common.h"

#define BODIES 5

struct body {
  double x, y, z, vx, vy, vz, mass;
};

static void advance(struct body *b, double dt) {
  for (int i = 0; i < BODIES; i++)
    for (int j = i + 1; j < BODIES; j++) {
      double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
      double d2 = dx * dx + dy * dy + dz * dz;
      double mag = dt / (d2 * sqrt(d2));
      b[i].vx -= dx * b[j].mass * mag, b[i].vy -= dy * b[j].mass * mag, b[i].vz -= dz * b[j].mass * mag;
      b[j].vx += dx * b[i].mass * mag, b[j].vy += dy * b[i].mass * mag, b[j].vz += dz * b[i].mass * mag;
    }
  for (int i = 0; i < BODIES; i++) b[i].x += dt * b[i].vx, b[i].y += dt * b[i].vy, b[i].z += dt * b[i].vz;
}

static double energy(const struct body *b) {
  double e = 0;
  for (int i = 0; i < BODIES; i++) {
    e += 0.5 * b[i].mass * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
    for (int j = i + 1; j < BODIES; j++) {
      double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
      e -= b[i].mass * b[j].mass / sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

int main(int argc, char **argv) {
  struct body b[BODIES];
  for (int i = 0; i < BODIES; i++) {
    b[i].x = (double)(bench_next() % 2000) / 100 - 10, b[i].y = (double)(bench_next() % 2000) / 100 - 10;
    b[i].z = (double)(bench_next() % 2000) / 100 - 10;
    b[i].vx = (double)(bench_next() % 200) / 1000, b[i].vy = (double)(bench_next() % 200) / 1000;
    b[i].vz = (double)(bench_next() % 200) / 1000, b[i].mass = 1 + (double)(bench_next() % 100) / 10;
  }
  b[0].mass = 400; /* a sun */
  double before = energy(b);
  for (long n = 300000L * bench_scale(argc, argv); n > 0; n--) advance(b, 0.001);
  printf("nbody %.6e %.6e\n", before, energy(b));
  return 0;
}
