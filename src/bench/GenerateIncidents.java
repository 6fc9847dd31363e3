import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes synthetic incidents as NDJSON in the API's own representation, for the benchmark and for trying the
 * service at scale. Seeded, so the same arguments give the same file.
 *
 * <pre>java src/bench/GenerateIncidents.java COUNT OUTPUT [SEED]</pre>
 *
 * The mix resembles ACLED and the GTD: about 40 countries with conflict-heavy ones more frequent (Iraq ~8 %),
 * dates 1990-2025 leaning recent, ACLED event types in their usual proportions, a pool of actors per country
 * (state forces, militias, armed groups, civilians), killed mostly 0-5 with a heavy tail, about a fifth of
 * incidents claimed (some by two groups), some denials and attributions, one to three sources each.
 */
public class GenerateIncidents {

    record Country(String code, String name, double weight, double lat, double lon, double spread, String[] admin1) {
    }

    static final Country[] COUNTRIES = {
            new Country("IRQ", "Iraq", 8, 33.3, 44.4, 3.0, new String[] {"Baghdad", "Anbar", "Nineveh", "Erbil", "Basra", "Diyala", "Salahuddin", "Kirkuk"}),
            new Country("SYR", "Syria", 7, 35.0, 38.5, 2.5, new String[] {"Aleppo", "Idlib", "Deir ez-Zor", "Damascus", "Homs", "Raqqa", "Daraa"}),
            new Country("AFG", "Afghanistan", 6, 34.5, 67.0, 3.5, new String[] {"Kabul", "Helmand", "Kandahar", "Nangarhar", "Kunduz", "Herat"}),
            new Country("YEM", "Yemen", 5, 15.4, 45.0, 2.5, new String[] {"Sanaa", "Taizz", "Marib", "Hodeidah", "Aden", "Al Bayda"}),
            new Country("UKR", "Ukraine", 6, 48.5, 35.0, 3.5, new String[] {"Donetsk", "Luhansk", "Kharkiv", "Zaporizhia", "Kherson", "Kyiv"}),
            new Country("NGA", "Nigeria", 4, 10.0, 9.0, 4.0, new String[] {"Borno", "Zamfara", "Kaduna", "Plateau", "Benue", "Lagos"}),
            new Country("SOM", "Somalia", 4, 3.0, 45.5, 3.0, new String[] {"Banadir", "Lower Shabelle", "Bay", "Hiraan", "Gedo"}),
            new Country("PAK", "Pakistan", 4, 32.0, 70.5, 4.0, new String[] {"Khyber Pakhtunkhwa", "Balochistan", "Punjab", "Sindh"}),
            new Country("IND", "India", 3, 24.0, 80.0, 6.0, new String[] {"Jammu and Kashmir", "Manipur", "Chhattisgarh", "Jharkhand"}),
            new Country("COL", "Colombia", 3, 4.5, -74.0, 4.0, new String[] {"Cauca", "Antioquia", "Norte de Santander", "Narino"}),
            new Country("MEX", "Mexico", 4, 22.0, -101.0, 5.0, new String[] {"Guerrero", "Michoacan", "Jalisco", "Sinaloa", "Chihuahua"}),
            new Country("COD", "Democratic Republic of the Congo", 3, -1.5, 28.5, 3.0, new String[] {"North Kivu", "South Kivu", "Ituri", "Tanganyika"}),
            new Country("SDN", "Sudan", 3, 13.5, 30.0, 4.0, new String[] {"Khartoum", "North Darfur", "South Darfur", "West Darfur"}),
            new Country("MLI", "Mali", 2, 15.0, -2.0, 4.0, new String[] {"Mopti", "Gao", "Timbuktu", "Segou"}),
            new Country("BFA", "Burkina Faso", 2, 12.5, -1.5, 2.5, new String[] {"Sahel", "Nord", "Est", "Centre-Nord"}),
            new Country("MMR", "Myanmar", 3, 20.0, 96.0, 4.0, new String[] {"Sagaing", "Rakhine", "Kachin", "Shan", "Magway"}),
            new Country("ISR", "Israel", 1, 31.5, 34.9, 0.8, new String[] {"Southern", "Northern", "Jerusalem"}),
            new Country("PSE", "Palestine", 2, 31.7, 35.0, 0.6, new String[] {"Gaza Strip", "West Bank"}),
            new Country("LBN", "Lebanon", 1, 33.8, 35.8, 0.6, new String[] {"South", "Beirut", "Bekaa"}),
            new Country("LBY", "Libya", 1, 29.0, 17.0, 4.0, new String[] {"Tripoli", "Benghazi", "Misrata"}),
            new Country("TUR", "Turkey", 1, 39.0, 35.0, 4.0, new String[] {"Diyarbakir", "Hakkari", "Sirnak", "Istanbul"}),
            new Country("ETH", "Ethiopia", 2, 9.0, 39.5, 4.0, new String[] {"Amhara", "Oromia", "Tigray", "Afar"}),
            new Country("CMR", "Cameroon", 1, 6.0, 12.5, 3.0, new String[] {"Far North", "North-West", "South-West"}),
            new Country("PHL", "Philippines", 1, 10.0, 123.0, 4.0, new String[] {"Maguindanao", "Sulu", "Lanao del Sur"}),
            new Country("BRA", "Brazil", 2, -12.0, -50.0, 8.0, new String[] {"Rio de Janeiro", "Bahia", "Para", "Sao Paulo"}),
            new Country("VEN", "Venezuela", 1, 8.0, -66.0, 3.0, new String[] {"Zulia", "Bolivar", "Caracas"}),
            new Country("HTI", "Haiti", 1, 18.9, -72.5, 0.6, new String[] {"Ouest", "Artibonite"}),
            new Country("EGY", "Egypt", 1, 27.0, 30.0, 3.0, new String[] {"North Sinai", "Cairo", "Giza"}),
            new Country("IRN", "Iran", 1, 32.0, 53.0, 5.0, new String[] {"Sistan and Baluchestan", "Kurdistan", "Tehran"}),
            new Country("MOZ", "Mozambique", 1, -12.5, 39.5, 2.0, new String[] {"Cabo Delgado", "Niassa"}),
            new Country("NER", "Niger", 1, 15.0, 6.0, 4.0, new String[] {"Tillaberi", "Diffa", "Tahoua"}),
            new Country("CAF", "Central African Republic", 1, 6.5, 20.5, 3.0, new String[] {"Ouham", "Haute-Kotto", "Bangui"}),
            new Country("SSD", "South Sudan", 1, 7.0, 30.5, 3.0, new String[] {"Jonglei", "Unity", "Upper Nile"}),
            new Country("THA", "Thailand", 1, 6.5, 101.3, 0.6, new String[] {"Narathiwat", "Pattani", "Yala"}),
            new Country("USA", "United States", 1, 39.0, -98.0, 10.0, new String[] {"California", "Texas", "New York", "Oregon"}),
            new Country("GBR", "United Kingdom", 0.5, 53.0, -2.0, 2.5, new String[] {"England", "Northern Ireland", "Scotland"}),
            new Country("FRA", "France", 0.5, 46.5, 2.5, 3.0, new String[] {"Ile-de-France", "Corsica", "Provence-Alpes-Cote d'Azur"}),
            new Country("RUS", "Russia", 1, 44.0, 45.0, 3.0, new String[] {"Chechnya", "Dagestan", "Ingushetia", "Belgorod"}),
            new Country("LKA", "Sri Lanka", 0.5, 8.0, 80.8, 1.0, new String[] {"Northern", "Eastern"}),
            new Country("KEN", "Kenya", 1, 0.5, 38.0, 2.5, new String[] {"Mandera", "Garissa", "Lamu", "Nairobi"}) };

    /** ACLED sub-event types with rough shares. */
    static final String[][] TYPES = {
            {"armed-clash", "28"}, {"shelling-artillery-missile-attack", "12"}, {"air-drone-strike", "9"},
            {"remote-explosive-landmine-ied", "8"}, {"attack", "16"}, {"abduction-forced-disappearance", "3"},
            {"suicide-bomb", "1"}, {"grenade", "1"}, {"peaceful-protest", "9"}, {"violent-demonstration", "3"},
            {"mob-violence", "2"}, {"looting-property-destruction", "3"}, {"arrests", "2"},
            {"government-regains-territory", "1"}, {"non-state-actor-overtakes-territory", "1"}, {"sexual-violence", "1"} };

    static final String[] PUBLISHERS = {"Reuters", "Agence France Presse", "Associated Press", "BBC News", "Al Jazeera",
            "Rudaw", "Shafaq News", "Kurdistan 24", "The New York Times", "The Guardian", "Xinhua", "Anadolu Agency",
            "Premium Times", "Garowe Online", "Dawn", "The Hindu", "El Tiempo", "Milenio", "Ukrinform", "Kyiv Independent",
            "Sudan Tribune", "Radio Okapi", "The Irrawaddy", "Times of Israel", "L'Orient-Le Jour", "Libya Observer",
            "Addis Standard", "Crisis Group", "Human Rights Watch", "Amnesty International"};

    static final String[] CHANNELS = {"STATEMENT", "SOCIAL_MEDIA", "VIDEO", "PRESS_CONFERENCE", "LETTER", "PHONE_CALL",
            "NOTE_AT_SCENE", "UNKNOWN"};

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java GenerateIncidents.java COUNT OUTPUT [SEED]");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        SplittableRandom random = new SplittableRandom(seed);
        double totalWeight = 0;
        for (Country c : COUNTRIES) {
            totalWeight += c.weight;
        }
        int typeTotal = 0;
        for (String[] t : TYPES) {
            typeTotal += Integer.parseInt(t[1]);
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        long started = System.nanoTime();
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
            StringBuilder b = new StringBuilder(1024);
            for (int n = 1; n <= count; n++) {
                b.setLength(0);
                Country c = pick(random, totalWeight);
                String type = pickType(random, typeTotal);
                boolean protest = type.equals("peaceful-protest") || type.equals("violent-demonstration") || type.equals("mob-violence");
                LocalDate date = date(random);
                String admin1 = c.admin1[random.nextInt(c.admin1.length)];
                String locality = admin1 + " district " + (1 + random.nextInt(40));
                String perpetrator = actor(random, c, protest);
                String target = protest ? null : target(random, c, perpetrator);

                b.append("{\"title\":\"").append(label(type)).append(" in ").append(locality).append(", ").append(c.name)
                        .append("\",\"summary\":\"Synthetic incident ").append(n).append(": ").append(perpetrator)
                        .append(target == null ? "" : " against " + target).append(" near ").append(locality)
                        .append(".\",\"type\":\"").append(type).append("\",\"startDate\":\"").append(date).append('"');
                int precision = random.nextInt(100);
                b.append(",\"datePrecision\":\"").append(precision < 88 ? "DAY" : precision < 95 ? "WEEK" : "MONTH").append('"');
                b.append(",\"location\":{\"countryCode\":\"").append(c.code).append("\",\"admin1\":\"").append(admin1)
                        .append("\",\"locality\":\"").append(locality).append('"');
                if (random.nextInt(100) < 93) {
                    double lat = clamp(c.lat + (random.nextDouble() - 0.5) * 2 * c.spread, -89.9, 89.9);
                    double lon = clamp(c.lon + (random.nextDouble() - 0.5) * 2 * c.spread, -179.9, 179.9);
                    b.append(",\"latitude\":").append(round(lat)).append(",\"longitude\":").append(round(lon))
                            .append(",\"geoPrecision\":\"").append(random.nextInt(100) < 70 ? "EXACT" : "NEAR").append('"');
                }
                b.append('}');

                b.append(",\"actors\":[{\"actor\":{\"name\":\"").append(perpetrator).append("\"},\"role\":\"")
                        .append(protest ? "OTHER" : "PERPETRATOR").append("\",\"confidence\":\"")
                        .append(random.nextInt(100) < 15 ? "SUSPECTED" : "CONFIRMED").append("\"}");
                if (target != null) {
                    b.append(",{\"actor\":{\"name\":\"").append(target).append("\"},\"role\":\"TARGET\"}");
                }
                b.append(']');

                int killed = protest ? (random.nextInt(100) < 90 ? 0 : 1 + random.nextInt(3)) : killed(random);
                int injured = random.nextInt(100) < 40 ? 0 : (int) Math.min(5000, killed * random.nextDouble() * 3 + random.nextInt(4));
                b.append(",\"casualties\":[{\"category\":\"ALL\",\"killed\":");
                if (random.nextInt(100) < 12 && killed > 0) {
                    b.append("{\"low\":").append(killed).append(",\"best\":").append(killed).append(",\"high\":null}");
                } else if (random.nextInt(100) < 10 && killed > 2) {
                    b.append("{\"low\":").append(killed - 2).append(",\"best\":").append(killed).append(",\"high\":").append(killed + 3).append('}');
                } else {
                    b.append(killed);
                }
                b.append(",\"injured\":").append(injured).append('}');
                if (killed > 0 && random.nextInt(100) < 30) {
                    b.append(",{\"category\":\"CIVILIAN\",\"killed\":").append(Math.max(1, killed / 2)).append('}');
                }
                b.append(']');

                b.append(",\"claims\":[");
                int claimRoll = random.nextInt(100);
                if (!protest && claimRoll < 20) {
                    claim(b, perpetrator, "CLAIMED", random);
                    if (claimRoll < 2) {
                        b.append(',');
                        claim(b, actor(random, c, false), "CLAIMED", random);
                    }
                } else if (!protest && claimRoll < 25) {
                    claim(b, perpetrator, "DENIED", random);
                } else if (!protest && claimRoll < 32) {
                    b.append("{\"actor\":{\"name\":\"").append(perpetrator).append("\"},\"stance\":\"ATTRIBUTED\",\"statedBy\":{\"text\":\"")
                            .append(c.name).append(" officials\"},\"channel\":\"STATEMENT\",\"credibility\":\"PLAUSIBLE\"}");
                }
                b.append(']');

                b.append(",\"sources\":[");
                int sources = 1 + random.nextInt(3);
                for (int s = 0; s < sources; s++) {
                    if (s > 0) {
                        b.append(',');
                    }
                    b.append("{\"name\":\"").append(PUBLISHERS[random.nextInt(PUBLISHERS.length)]).append("\"}");
                }
                b.append(']');
                b.append(",\"tags\":[\"synthetic\"");
                if (random.nextInt(100) < 10) {
                    b.append(",\"cross-border\"");
                }
                b.append("],\"externalRefs\":[{\"dataset\":\"SYN\",\"externalId\":\"").append(seed).append('-').append(n)
                        .append("\"}]}\n");
                w.append(b);
            }
        }
        System.err.printf("wrote %d incidents to %s in %d ms%n", count, out, (System.nanoTime() - started) / 1_000_000);
    }

    static void claim(StringBuilder b, String actor, String stance, SplittableRandom random) {
        b.append("{\"actor\":{\"name\":\"").append(actor).append("\"},\"stance\":\"").append(stance)
                .append("\",\"channel\":\"").append(CHANNELS[random.nextInt(CHANNELS.length)])
                .append("\",\"credibility\":\"").append(random.nextInt(100) < 60 ? "UNVERIFIED" : "PLAUSIBLE").append("\"}");
    }

    static Country pick(SplittableRandom random, double total) {
        double r = random.nextDouble() * total;
        for (Country c : COUNTRIES) {
            r -= c.weight;
            if (r < 0) {
                return c;
            }
        }
        return COUNTRIES[0];
    }

    static String pickType(SplittableRandom random, int total) {
        int r = random.nextInt(total);
        for (String[] t : TYPES) {
            r -= Integer.parseInt(t[1]);
            if (r < 0) {
                return t[0];
            }
        }
        return TYPES[0][0];
    }

    /** 1990-2025, more events in recent years (as in the datasets, whose coverage grows). */
    static LocalDate date(SplittableRandom random) {
        double r = Math.sqrt(random.nextDouble());
        long start = LocalDate.of(1990, 1, 1).toEpochDay();
        long end = LocalDate.of(2025, 12, 31).toEpochDay();
        return LocalDate.ofEpochDay(start + (long) (r * (end - start)));
    }

    /** Mostly 0-5, with a Pareto tail. */
    static int killed(SplittableRandom random) {
        int r = random.nextInt(100);
        if (r < 45) {
            return 0;
        }
        if (r < 90) {
            return 1 + random.nextInt(5);
        }
        return (int) Math.min(2000, 5 / Math.pow(random.nextDouble() + 1e-9, 0.8));
    }

    /** About 50 actors per country: state forces, police, militias, armed groups, plus a few cross-border ones. */
    static String actor(SplittableRandom random, Country c, boolean protest) {
        if (protest) {
            return "Protesters (" + c.name + ")";
        }
        int r = random.nextInt(100);
        if (r < 25) {
            return "Military Forces of " + c.name;
        }
        if (r < 33) {
            return "Police Forces of " + c.name;
        }
        if (r < 38) {
            return "Islamic State";
        }
        return (r < 60 ? "Militia " : "Armed Group ") + c.code + "-" + (1 + random.nextInt(24));
    }

    static String target(SplittableRandom random, Country c, String perpetrator) {
        if (random.nextInt(100) < 45) {
            return "Civilians (" + c.name + ")";
        }
        String t = actor(random, c, false);
        return t.equals(perpetrator) ? "Civilians (" + c.name + ")" : t;
    }

    static String label(String type) {
        String s = type.replace('-', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
