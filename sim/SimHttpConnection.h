#pragma once

#include "SimHttpServer.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

class QTcpSocket;

namespace hlc::sim {

class SimStream;

/**
 * @brief One accepted client connection of a SimHttpServer (internal).
 *
 * Parses requests from the byte stream (they may arrive split or several at once), answers them strictly in
 * order and applies the server's faults. While an answer is pending (latency, hang, stream, large body) further
 * requests wait in the buffer. Deletes itself when the client goes away.
 */
class SimHttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimHttpConnection)
public:
    SimHttpConnection(SimHttpServer* server, QTcpSocket* socket);
    ~SimHttpConnection() override;

    /// Drops the connection now (server shutdown).
    void abortNow();

private:
    friend class SimStream;

    struct Parsed
    {
        SimRequest request;
        QStringList rawSegments;
        bool keepAlive = true;
    };
    enum class ParseResult
    {
        Incomplete,
        Ok,
        Error
    };

    void onReadyRead();
    void onDisconnected();
    void processBuffer();
    ParseResult parseOne(Parsed* out);
    void handle(Parsed parsed);
    void respond(const SimRequest& request, const std::optional<SimHttpServer::Route>& route,
                 const SimHttpServer::Dispatch& dispatch, const Fault& fault, bool keepAlive);
    void sendResponse(const SimResponse& response, const Fault& fault, bool keepAlive);
    void sendError(int status, const QByteArray& message); // then close
    void pumpOversized();
    void finishResponse(bool keepAlive);
    void write(const QByteArray& bytes);
    [[nodiscard]] bool isConnected() const;

    // SimStream backend
    void streamHead(int status, const QByteArray& contentType);
    void streamChunk(const QByteArray& chunk);
    void streamEnd();
    void streamAbort();

    SimHttpServer* m_server;
    QTcpSocket* m_socket;
    QByteArray m_buffer;
    bool m_busy = false;    ///< an answer is still pending: later requests wait
    bool m_closing = false; ///< no further requests are served
    bool m_keepAlive = true;
    qint64 m_oversizedLeft = 0;
    bool m_oversizedFirst = true;
    QPointer<SimStream> m_stream;
};

} // namespace hlc::sim
