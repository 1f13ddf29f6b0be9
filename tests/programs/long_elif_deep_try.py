# A long elif chain and deeply nested blocks with try/finally at every level.


def classify(n):
    if n == 0:
        return "zero"
    elif n == 7:
        return "v1"
    elif n == 14:
        return "v2"
    elif n == 21:
        return "v3"
    elif n == 28:
        return "v4"
    elif n == 35:
        return "v5"
    elif n == 42:
        return "v6"
    elif n == 49:
        return "v7"
    elif n == 56:
        return "v8"
    elif n == 63:
        return "v9"
    elif n == 70:
        return "v10"
    elif n == 77:
        return "v11"
    elif n == 84:
        return "v12"
    elif n == 91:
        return "v13"
    elif n == 98:
        return "v14"
    elif n == 105:
        return "v15"
    elif n == 112:
        return "v16"
    elif n == 119:
        return "v17"
    elif n == 126:
        return "v18"
    elif n == 133:
        return "v19"
    elif n == 140:
        return "v20"
    elif n == 147:
        return "v21"
    elif n == 3:
        return "v22"
    elif n == 10:
        return "v23"
    elif n == 17:
        return "v24"
    elif n == 24:
        return "v25"
    elif n == 31:
        return "v26"
    elif n == 38:
        return "v27"
    elif n == 45:
        return "v28"
    elif n == 52:
        return "v29"
    elif n == 59:
        return "v30"
    elif n == 66:
        return "v31"
    elif n == 73:
        return "v32"
    elif n == 80:
        return "v33"
    elif n == 87:
        return "v34"
    elif n == 94:
        return "v35"
    elif n == 101:
        return "v36"
    elif n == 108:
        return "v37"
    elif n == 115:
        return "v38"
    elif n == 122:
        return "v39"
    elif n == 129:
        return "v40"
    elif n == 136:
        return "v41"
    elif n == 143:
        return "v42"
    elif n == 150:
        return "v43"
    elif n == 6:
        return "v44"
    elif n == 13:
        return "v45"
    elif n == 20:
        return "v46"
    elif n == 27:
        return "v47"
    elif n == 34:
        return "v48"
    elif n == 41:
        return "v49"
    elif n == 48:
        return "v50"
    elif n == 55:
        return "v51"
    elif n == 62:
        return "v52"
    elif n == 69:
        return "v53"
    elif n == 76:
        return "v54"
    elif n == 83:
        return "v55"
    elif n == 90:
        return "v56"
    elif n == 97:
        return "v57"
    elif n == 104:
        return "v58"
    elif n == 111:
        return "v59"
    elif n == 118:
        return "v60"
    elif n == 125:
        return "v61"
    elif n == 132:
        return "v62"
    elif n == 139:
        return "v63"
    elif n == 146:
        return "v64"
    elif n == 2:
        return "v65"
    elif n == 9:
        return "v66"
    elif n == 16:
        return "v67"
    elif n == 23:
        return "v68"
    elif n == 30:
        return "v69"
    elif n == 37:
        return "v70"
    elif n == 44:
        return "v71"
    elif n == 51:
        return "v72"
    elif n == 58:
        return "v73"
    elif n == 65:
        return "v74"
    elif n == 72:
        return "v75"
    elif n == 79:
        return "v76"
    elif n == 86:
        return "v77"
    elif n == 93:
        return "v78"
    elif n == 100:
        return "v79"
    elif n == 107:
        return "v80"
    elif n == 114:
        return "v81"
    elif n == 121:
        return "v82"
    elif n == 128:
        return "v83"
    elif n == 135:
        return "v84"
    elif n == 142:
        return "v85"
    elif n == 149:
        return "v86"
    elif n == 5:
        return "v87"
    elif n == 12:
        return "v88"
    elif n == 19:
        return "v89"
    elif n == 26:
        return "v90"
    elif n == 33:
        return "v91"
    elif n == 40:
        return "v92"
    elif n == 47:
        return "v93"
    elif n == 54:
        return "v94"
    elif n == 61:
        return "v95"
    elif n == 68:
        return "v96"
    elif n == 75:
        return "v97"
    elif n == 82:
        return "v98"
    elif n == 89:
        return "v99"
    elif n == 96:
        return "v100"
    elif n == 103:
        return "v101"
    elif n == 110:
        return "v102"
    elif n == 117:
        return "v103"
    elif n == 124:
        return "v104"
    elif n == 131:
        return "v105"
    elif n == 138:
        return "v106"
    elif n == 145:
        return "v107"
    elif n == 1:
        return "v108"
    elif n == 8:
        return "v109"
    elif n == 15:
        return "v110"
    elif n == 22:
        return "v111"
    elif n == 29:
        return "v112"
    elif n == 36:
        return "v113"
    elif n == 43:
        return "v114"
    elif n == 50:
        return "v115"
    elif n == 57:
        return "v116"
    elif n == 64:
        return "v117"
    elif n == 71:
        return "v118"
    elif n == 78:
        return "v119"
    elif n == 85:
        return "v120"
    elif n == 92:
        return "v121"
    elif n == 99:
        return "v122"
    elif n == 106:
        return "v123"
    elif n == 113:
        return "v124"
    elif n == 120:
        return "v125"
    elif n == 127:
        return "v126"
    elif n == 134:
        return "v127"
    elif n == 141:
        return "v128"
    elif n == 148:
        return "v129"
    elif n == 4:
        return "v130"
    elif n == 11:
        return "v131"
    elif n == 18:
        return "v132"
    elif n == 25:
        return "v133"
    elif n == 32:
        return "v134"
    elif n == 39:
        return "v135"
    elif n == 46:
        return "v136"
    elif n == 53:
        return "v137"
    elif n == 60:
        return "v138"
    elif n == 67:
        return "v139"
    elif n == 74:
        return "v140"
    elif n == 81:
        return "v141"
    elif n == 88:
        return "v142"
    elif n == 95:
        return "v143"
    elif n == 102:
        return "v144"
    elif n == 109:
        return "v145"
    elif n == 116:
        return "v146"
    elif n == 123:
        return "v147"
    elif n == 130:
        return "v148"
    elif n == 137:
        return "v149"
    else:
        return "other"


def nested(n, log):
    try:
        if n > 0:
            log.append(0)
            try:
                if n > 1:
                    log.append(1)
                    try:
                        if n > 2:
                            log.append(2)
                            try:
                                if n > 3:
                                    log.append(3)
                                    try:
                                        if n > 4:
                                            log.append(4)
                                            try:
                                                if n > 5:
                                                    log.append(5)
                                                    try:
                                                        if n > 6:
                                                            log.append(6)
                                                            try:
                                                                if n > 7:
                                                                    log.append(7)
                                                                    try:
                                                                        if n > 8:
                                                                            log.append(8)
                                                                            try:
                                                                                if n > 9:
                                                                                    log.append(9)
                                                                                    try:
                                                                                        if n > 10:
                                                                                            log.append(10)
                                                                                            try:
                                                                                                if n > 11:
                                                                                                    log.append(11)
                                                                                                    try:
                                                                                                        if n > 12:
                                                                                                            log.append(12)
                                                                                                            try:
                                                                                                                if n > 13:
                                                                                                                    log.append(13)
                                                                                                                    try:
                                                                                                                        if n > 14:
                                                                                                                            log.append(14)
                                                                                                                            try:
                                                                                                                                if n > 15:
                                                                                                                                    log.append(15)
                                                                                                                                    try:
                                                                                                                                        if n > 16:
                                                                                                                                            log.append(16)
                                                                                                                                            try:
                                                                                                                                                if n > 17:
                                                                                                                                                    log.append(17)
                                                                                                                                                    return n // (n - 20)
                                                                                                                                            finally:
                                                                                                                                                if n == 17:
                                                                                                                                                    log.append(-18)
                                                                                                                                    finally:
                                                                                                                                        if n == 16:
                                                                                                                                            log.append(-17)
                                                                                                                            finally:
                                                                                                                                if n == 15:
                                                                                                                                    log.append(-16)
                                                                                                                    finally:
                                                                                                                        if n == 14:
                                                                                                                            log.append(-15)
                                                                                                            finally:
                                                                                                                if n == 13:
                                                                                                                    log.append(-14)
                                                                                                    finally:
                                                                                                        if n == 12:
                                                                                                            log.append(-13)
                                                                                            finally:
                                                                                                if n == 11:
                                                                                                    log.append(-12)
                                                                                    finally:
                                                                                        if n == 10:
                                                                                            log.append(-11)
                                                                            finally:
                                                                                if n == 9:
                                                                                    log.append(-10)
                                                                    finally:
                                                                        if n == 8:
                                                                            log.append(-9)
                                                            finally:
                                                                if n == 7:
                                                                    log.append(-8)
                                                    finally:
                                                        if n == 6:
                                                            log.append(-7)
                                            finally:
                                                if n == 5:
                                                    log.append(-6)
                                    finally:
                                        if n == 4:
                                            log.append(-5)
                            finally:
                                if n == 3:
                                    log.append(-4)
                    finally:
                        if n == 2:
                            log.append(-3)
            finally:
                if n == 1:
                    log.append(-2)
    finally:
        if n == 0:
            log.append(-1)
    return -1


def main(argv):
    out = []
    for n in range(0, 160, 3):
        out.append(classify(n))
    print(out)
    for n in [0, 5, 17, 19, 20, 25]:
        log = []
        try:
            print(n, nested(n, log), log)
        except ZeroDivisionError:
            print(n, "zero", log)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
