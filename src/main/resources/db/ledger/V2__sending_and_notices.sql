-- What a run is about to send: written (and made durable) before the message goes to the mail server,
-- moved to truce_alert_sent in one transaction once the server accepted it, deleted if it refused it.
-- So a value the ledger cannot hold, a full disk or a lost database stops a digest before it is sent,
-- never after. A row left behind by a run that died mid-send is an ambiguous attempt: the next run under
-- the same run lock removes it and sends again (at least once). Same columns and limits as truce_alert_sent.
CREATE TABLE truce_alert_sending (
  alert_key      VARCHAR(600) NOT NULL,
  recipient      VARCHAR(320) NOT NULL,
  truce_id       VARCHAR(100) NOT NULL,
  obligation_id  VARCHAR(200) NOT NULL,
  trigger_kind   VARCHAR(20)  NOT NULL,
  deadline_at    TIMESTAMP WITH TIME ZONE,
  threshold_days INTEGER,
  detail         VARCHAR(200),
  sent_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  message_id     VARCHAR(500) NOT NULL,
  PRIMARY KEY (alert_key, recipient)
);

-- The daemon's memory of "obligations.yaml is invalid" notices in a cluster (one row per notice kind).
-- 0.1.0 created it on first use, outside any migration: IF NOT EXISTS keeps such a table and its rows.
CREATE TABLE IF NOT EXISTS truce_daemon_notice (name VARCHAR(100) PRIMARY KEY, fingerprint VARCHAR(100));
