package org.incidentkb.incident.model;

/** How a claim was made. */
public enum Channel {
    STATEMENT, SOCIAL_MEDIA, VIDEO, PRESS_CONFERENCE, LETTER, PHONE_CALL, NOTE_AT_SCENE, PERSONAL, OTHER, UNKNOWN
}
