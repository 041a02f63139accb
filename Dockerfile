# jackyun-sync image: built with the Maven wrapper, run on a JRE with the configuration beside the jar.
# The image holds the product module only (product/target: the jar, its libraries, Hawtio): no demo, simulator, benchmark
# or embedded database. --demo and --simulator need the repository build: in this image they exit 2.
# Tags are pinned (a rebuild gets the same JDK); move them deliberately.
FROM eclipse-temurin:17.0.15_6-jdk-noble AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY product/pom.xml product/pom.xml
COPY test-kit/pom.xml test-kit/pom.xml
COPY bench/pom.xml bench/pom.xml
COPY product/src product/src
COPY test-kit/src/main test-kit/src/main
COPY bench/src bench/src
RUN ./mvnw -q -B -ntp -DskipTests package

# the simulated gateway, for docker-compose.yml's simulator profile only: the repository build (the test kit's jar)
FROM eclipse-temurin:17.0.15_6-jre-noble AS simulator
WORKDIR /app
COPY --from=build /src/target/jackyun-sync.jar ./target/jackyun-sync.jar
COPY --from=build /src/target/lib ./target/lib
USER 10001:10001
ENTRYPOINT ["java", "-jar", "target/jackyun-sync.jar", "--simulator"]

# the product (the last stage: what `docker build .` and the compose service jackyun-sync build): product/target only
FROM eclipse-temurin:17.0.15_6-jre-noble
WORKDIR /app
COPY --from=build /src/product/target/jackyun-sync.jar ./target/jackyun-sync.jar
COPY --from=build /src/product/target/lib ./target/lib
COPY --from=build /src/product/target/hawtio ./target/hawtio
COPY application.properties ./
COPY routes routes
COPY schemes schemes
COPY migrations migrations
# not root: the app needs to write nothing in the image (its state is in MySQL)
USER 10001:10001
EXPOSE 8080
# Camel's liveness probe on the health port, without curl (not in every JRE image): bash's /dev/tcp, status line 200
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8080} && printf 'GET /observe/health/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# JAVA_OPTS: the JVM's options (replace them whole to change the heap). The default is the whole 256 MB from the start:
# the JVM would size its initial heap from the container's memory limit (1/64), and with -Xms as large as -Xmx G1 keeps
# it all committed, so peaks and GC time do not depend on a run's length
ENV JAVA_OPTS="-Xms256m -Xmx256m"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar target/jackyun-sync.jar \"$@\"", "jackyun-sync"]
