package org.incidentkb.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** All of Incident KB's own settings, under the prefix {@code kb}. */
@ConfigMapping(prefix = "kb")
public interface KbConfig {

    DemoData demoData();

    interface DemoData {
        /** Load the shipped demo data set on start-up when the database holds no incidents. */
        @WithDefault("true")
        boolean enabled();
    }
}
