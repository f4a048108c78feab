#!/usr/bin/env python3
"""Drives an interactive shell under a fresh pseudo-terminal, one step at a
time, and prints the normalised transcript of everything the terminal showed.

    drive.py SESSION COMMAND [ARGS...]

COMMAND runs as the session leader of a new session whose controlling
terminal is the pty's slave side (what a terminal emulator or `script` gives
a shell), so the shell can do job control: put jobs in their own process
groups, hand them the terminal with tcsetpgrp, get ^Z and ^C as SIGTSTP and
SIGINT from the line discipline.

SESSION has one step per line (blank lines and # comments are skipped):

    run TEXT         wait for the prompt, then type TEXT and Return
    fg NAME...       wait until the terminal's foreground process group is a
                     job with a process running each program NAME (a word of
                     its command line, path stripped): every process of a
                     pipeline has joined the group and run its program, so
                     ^Z or ^C reaches them all
    started NAME...  wait until processes of the session run each program NAME:
                     a background job has got past the shell's fork and set
                     its signal dispositions (an interactive shell ignores
                     SIGTERM; its child restores the default before exec, so
                     a `kill %1` sent earlier would be lost, and emulation
                     makes that window wide)
    key ^X           type the control character ^X (^Z, ^C, ^D...)
    expect REGEX     wait until the output since the last step matches REGEX

Every wait is on the terminal's own state or output, never a sleep, and
gives up after DRIVE_TIMEOUT seconds (default 30): the transcript then ends
with a line saying which step timed out, and the exit status is 1.

DRIVE_RAW=FILE also writes the raw output there, escapes and all.

The transcript is normalised so two runs of the same session compare byte
for byte: carriage returns and terminal escape sequences are dropped, and
numbers of 3 digits or more after "] " (job PIDs: "[1] 12345") become PID,
and bash's timing-dependent "wait_for_job: job N is stopped" goes.
"""
import os
import pty
import re
import select
import signal
import sys
import time

PROMPT = re.compile(rb"[$#] $")  # (some shells keep "# " for root whatever PS1 says)
ESCAPES = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|[()][0-9A-B]|[=>])")
TIMEOUT = float(os.environ.get("DRIVE_TIMEOUT", "30"))


class Timeout(Exception):
    pass


class Closed(Exception):
    """Every process holding the terminal has gone."""


class Terminal:
    def __init__(self, argv):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                # A login terminal starts its shell with default signal
                # actions; this driver may itself run under nohup (SIGHUP
                # ignored) or a CI runner that ignores or blocks others.
                for sig in range(1, signal.NSIG):
                    if sig not in (signal.SIGKILL, signal.SIGSTOP):
                        try:
                            signal.signal(sig, signal.SIG_DFL)
                        except (OSError, ValueError):
                            pass
                signal.pthread_sigmask(signal.SIG_SETMASK, [])
                os.execvp(argv[0], argv)
            finally:
                os._exit(127)
        self.log = b""   # everything the terminal showed
        self.mark = 0    # where the current step's output starts

    def read_some(self, deadline):
        """Reads what the terminal has shown; False at end of output."""
        left = deadline - time.monotonic()
        if left <= 0:
            raise Timeout()
        ready, _, _ = select.select([self.fd], [], [], min(left, 0.05))
        if not ready:
            return True
        try:
            data = os.read(self.fd, 4096)
        except OSError:  # EIO: every slave side is closed
            return False
        self.log += data
        return bool(data)

    def wait_for(self, test):
        deadline = time.monotonic() + TIMEOUT
        while not test():
            if not self.read_some(deadline):
                if test():
                    break
                raise Closed()

    def since_mark(self):
        return self.log[self.mark:]

    def at_prompt(self):
        # (busybox asks where the cursor is after its prompt: ESC [6n)
        return PROMPT.search(ESCAPES.sub(b"", self.since_mark()))

    def step_done(self):
        self.mark = len(self.log)

    def foreground_group(self):
        try:
            return os.tcgetpgrp(self.fd)  # the slave's, asked on the master
        except OSError:
            return -1


def programs(field, value):
    """The words of the command lines of the processes whose process group
    (field 2) or session (field 3) is value, each without its directory
    (elfrun's and qemu's own arguments included)."""
    words = set()
    for name in os.listdir("/proc"):
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
            # after the command name: state ppid pgrp session
            if int(stat[stat.rindex(b")") + 2:].split()[field]) != value:
                continue
            with open(f"/proc/{name}/cmdline", "rb") as f:
                words |= {w.rsplit(b"/", 1)[-1] for w in f.read().split(b"\0")}
        except (OSError, ValueError, IndexError):
            continue
    return words


def kill_session(sid):
    """SIGKILLs every process of session sid: the shell and its jobs, which
    sit in process groups of their own (and may be stopped)."""
    for name in os.listdir("/proc"):
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
            fields = stat[stat.rindex(b")") + 2:].split()  # state ppid pgrp session
            if int(fields[3]) == sid:
                os.kill(int(name), signal.SIGKILL)
        except (OSError, ValueError, IndexError):
            continue


def control_char(spec):
    if len(spec) != 2 or spec[0] != "^":
        raise ValueError(f"bad key {spec!r}")
    return bytes([ord(spec[1].upper()) & 0x1F])


def step(term, shell_group, verb, text):
    word = text.encode()
    if verb == "run":
        term.wait_for(term.at_prompt)
        term.step_done()
        os.write(term.fd, word + b"\r")
    elif verb == "key":
        os.write(term.fd, control_char(text))
    elif verb == "fg":
        def job_in_front():
            group = term.foreground_group()
            return (group > 0 and group != shell_group and
                    set(word.split()) <= programs(2, group))
        term.wait_for(job_in_front)
    elif verb == "started":
        term.wait_for(lambda: set(word.split()) <= programs(3, term.pid))
    elif verb == "expect":
        pattern = re.compile(word)
        term.wait_for(lambda: pattern.search(term.since_mark()))
        term.mark += pattern.search(term.since_mark()).end()
    else:
        raise ValueError(f"unknown step {verb!r}")


JOB_PID = re.compile(rb"(\[\d+\][+-]? )\d{3,}")
# bash warns when `wait %1` finds the job already stopped, and says nothing
# when the job stops while it waits (jobs.c, wait_for_job): which one
# happens depends on whether a background `cat` reaches its read before
# bash reaches `wait`.
WAIT_RACE = re.compile(rb"^[^\n]*: warning: wait_for_job: job \d+ is stopped\n", re.M)


def normalise(log):
    log = ESCAPES.sub(b"", log).replace(b"\r", b"")
    return WAIT_RACE.sub(b"", JOB_PID.sub(rb"\1PID", log))


def finish(term):
    """Waits for the shell to exit; kills the session if it does not."""
    deadline = time.monotonic() + TIMEOUT
    try:
        while term.read_some(deadline):
            pass
    except Timeout:
        kill_session(term.pid)
        return False
    finally:
        os.waitpid(term.pid, 0)
    return True


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: drive.py SESSION COMMAND [ARGS...]")
    with open(sys.argv[1]) as f:
        steps = [line.strip().split(None, 1) for line in f]
    steps = [s if len(s) == 2 else s + [""] for s in steps if s and not s[0].startswith("#")]
    term = Terminal(sys.argv[2:])
    failure = None
    try:
        term.wait_for(term.at_prompt)
        shell_group = term.foreground_group()
        for n, (verb, text) in enumerate(steps, 1):
            try:
                step(term, shell_group, verb, text)
            except Timeout:
                failure = f"drive.py: step {n} ({verb} {text}) timed out after {TIMEOUT:g} s"
                break
            except Closed:
                failure = f"drive.py: step {n} ({verb} {text}): the shell has gone"
                break
    except Timeout:
        failure = f"drive.py: no first prompt after {TIMEOUT:g} s"
    except Closed:
        failure = "drive.py: the shell has gone before its first prompt"
    if failure:
        kill_session(term.pid)
        try:
            os.waitpid(term.pid, 0)
        except ChildProcessError:
            pass
    elif not finish(term):
        failure = f"drive.py: the shell did not exit within {TIMEOUT:g} s"
    if os.environ.get("DRIVE_RAW"):  # the bytes as the terminal got them
        with open(os.environ["DRIVE_RAW"], "wb") as f:
            f.write(term.log)
    sys.stdout.buffer.write(normalise(term.log))
    if failure:
        print("\n" + failure)
    sys.exit(1 if failure else 0)


if __name__ == "__main__":
    main()
