"""Asks every top-level X11 window whose title contains ARGV[1] to close, as a window
manager's close button does (a WM_DELETE_WINDOW client message), for the end-to-end tests:
WebDriver can only kill the app, never close it the way a user does. Uses libX11 through
ctypes, which the webview already needs, so nothing more is installed."""

import ctypes
import sys

CLIENT_MESSAGE = 33

x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XDefaultRootWindow.restype = ctypes.c_ulong
x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x.XQueryTree.argtypes = [
    ctypes.c_void_p,
    ctypes.c_ulong,
    ctypes.POINTER(ctypes.c_ulong),
    ctypes.POINTER(ctypes.c_ulong),
    ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
    ctypes.POINTER(ctypes.c_uint),
]
x.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_char_p)]
x.XFlush.argtypes = [ctypes.c_void_p]


class ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class Event(ctypes.Union):
    _fields_ = [("client", ClientMessage), ("pad", ctypes.c_long * 24)]


x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.POINTER(Event)]


def windows(display, parent):
    root, up, count = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_uint()
    children = ctypes.POINTER(ctypes.c_ulong)()
    x.XQueryTree(display, parent, ctypes.byref(root), ctypes.byref(up), ctypes.byref(children), ctypes.byref(count))
    for i in range(count.value):
        yield children[i]
        yield from windows(display, children[i])


def main(title):
    display = x.XOpenDisplay(None)
    if not display:
        sys.exit("no X display")
    protocols = x.XInternAtom(display, b"WM_PROTOCOLS", 0)
    delete = x.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
    asked = 0
    for window in windows(display, x.XDefaultRootWindow(display)):
        name = ctypes.c_char_p()
        if x.XFetchName(display, window, ctypes.byref(name)) and name.value and title.encode() in name.value:
            event = Event()
            event.client.type = CLIENT_MESSAGE
            event.client.window = window
            event.client.message_type = protocols
            event.client.format = 32
            event.client.data[0] = delete
            x.XSendEvent(display, window, 0, 0, ctypes.byref(event))
            asked += 1
    x.XFlush(display)
    if not asked:
        sys.exit(f"no window titled {title!r}")


main(sys.argv[1])
