#pragma once

// A raw HTTP/1.1 client for receiver tests: sends exact bytes on a keep-alive QTcpSocket and reads
// one answer at a time (status line, headers, Content-Length body). Header-only and moc-free.

#include "bodycodec.h"
#include "storerequest.h"

#include <QByteArray>
#include <QFile>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QTcpSocket>
#include <QTest>

#include <optional>

struct RawAnswer
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return header.second;
        }
        return {};
    }
};

// Parses one complete answer from the front of `buffer` and removes it; nullopt while incomplete.
inline std::optional<RawAnswer> takeAnswer(QByteArray &buffer, bool headAnswer = false)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    RawAnswer answer;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    answer.status = lines.first().split(' ').value(1).toInt();
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        answer.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        if (line.left(colon).compare("Content-Length", Qt::CaseInsensitive) == 0)
            length = line.mid(colon + 1).trimmed().toLongLong();
    }
    if (headAnswer) // an answer to HEAD has Content-Length but no body
        length = 0;
    if (buffer.size() < end + 4 + length)
        return std::nullopt;
    answer.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    return answer;
}

class RawClient
{
public:
    bool connectTo(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return m_socket.waitForConnected(10000);
    }
    QTcpSocket &socket() { return m_socket; }

    void send(const QByteArray &bytes)
    {
        m_lastWasHead = bytes.startsWith("HEAD ");
        m_socket.write(bytes);
        m_socket.flush();
    }

    // Waits on the socket's own signals (readyRead) until an answer is complete, or the 30 s guard.
    std::optional<RawAnswer> answer(int timeoutMs = 30000)
    {
        for (;;) {
            if (auto answer = takeAnswer(m_buffer, m_lastWasHead))
                return answer;
            if (m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0)
                return std::nullopt;
            if (!m_socket.waitForReadyRead(timeoutMs) && m_socket.bytesAvailable() == 0)
                return std::nullopt;
            m_buffer += m_socket.readAll();
        }
    }

    std::optional<RawAnswer> exchange(const QByteArray &bytes)
    {
        send(bytes);
        return answer();
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_lastWasHead = false;
};

inline QByteArray httpRequest(const QByteArray &method, const QByteArray &target,
                              const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body = {})
{
    QByteArray http = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &header : headers)
        http += header.first + ": " + header.second + "\r\n";
    if (!body.isEmpty() || method == "POST")
        http += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return http + "\r\n" + body;
}

// Resets the process's peak memory (VmHWM) to its current size, so a test measures its own peak
// and not an earlier test's (Linux: /proc/self/clear_refs, value 5).
inline void resetPeakMemory()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5");
}

// The process's own memory, from /proc/self/status: "VmHWM" (peak) or "VmRSS" (now), in kB.
inline qint64 processMemoryKb(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}
